# callaudit API and worker image. The steps mirror `make run`: CPU torch first, then the project, then
# `callaudit serve` on the embedded defaults (the compose file switches to PostgreSQL, Redis and workers).
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    CALLAUDIT_DATA_DIR=/data \
    CALLAUDIT_MODEL_CACHE=/app/model-cache

# ffmpeg decodes recordings; versions follow the pinned Debian release of the base image
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends ffmpeg \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
RUN pip install --no-cache-dir torch==2.13.0

COPY pyproject.toml README.md ./
COPY audit ./audit
COPY app ./app
COPY scripts_db ./scripts_db
COPY examples ./examples
# editable, as `make run` installs it: the engine reads its models and the checklist library (`scripts_db/`)
# from this tree
# the English paraphrase reader (MiniLM as int8 ONNX) is derived from the packaged model once, here
RUN pip install --no-cache-dir -e . \
    && python -m audit.encoders.minilm_onnx \
    && useradd --system --create-home --uid 10001 callaudit \
    && mkdir -p /data \
    && chown callaudit /data

USER 10001
VOLUME ["/data"]
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"]
CMD ["callaudit", "serve", "--host", "0.0.0.0", "--port", "8000", "--demo"]
