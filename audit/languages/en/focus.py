"""English cues for customer-focus detection: prototype sentences per kind and the patterns that back them.

The detectors in `audit.focus` are language-agnostic: they compare an agent sentence with these prototypes
(by sentence-encoder cosine) and read these patterns by group name. `neutral` prototypes are what ordinary,
helpful agent speech sounds like (routine status lines, safety referrals, hand-overs, questions); a sentence
must sound more like a focus kind than like them. Other languages provide the same names in their own module.
"""

from __future__ import annotations

from audit.languages.base import FocusCue

BLAME_SHIFT = FocusCue(
    kind="blame_shift",
    examples=(
        "The error was on the card processor's side, it isn't our fault.",
        "That's the courier's mistake, not ours.",
        "The bank caused this problem, there's nothing wrong on our end.",
        "You must have typed the wrong card number, that's why it was declined.",
        "This happened because you didn't read the terms.",
        "The delay is entirely the manufacturer's fault.",
        "Our system is working fine, the problem is with your phone company.",
        "The warehouse messed up your order, not us.",
        "We're not responsible for what the delivery company does.",
        "You should have called us before the deadline, so that's on you.",
        "Honestly the other shift made that error, it wasn't me.",
        "The technician before me got it wrong.",
        "If you had entered the right address this wouldn't have happened.",
        "Blame the carrier, they lost it.",
        "You forgot to renew it, that's why the cover lapsed.",
        "The hospital sent the wrong code, it has nothing to do with us.",
        "That mix-up was your bank's doing.",
        "The app store charged you, we had no part in it.",
        "Your old provider never released the number, that's their fault.",
        "You booked the wrong date yourself, so we can't be blamed.",
        "It's the third-party vendor that keeps failing, not our service.",
        "The courier company dropped the ball on this one, not us.",
        "Your bank blocked the payment, that's not something we did.",
        "The sender wrote the address wrong, that's why it never reached you.",
        "That's down to the contractor, they did the work badly.",
        "The glitch is in the manufacturer's firmware, we had nothing to do with it.",
        "You picked the wrong plan when you signed up, so the charge is correct.",
        "The school reported your enrollment late, so the loan went into repayment.",
        "Your employer sent the wrong paperwork, it's their mistake.",
        "The previous agent gave you the wrong information, I wouldn't have said that.",
        "It's the insurer who's holding things up, not our office.",
        "The pharmacy should have caught that, it's on them.",
        "You didn't tell us you'd moved, so the letters went to the old address.",
        "The delivery partner marked it delivered by mistake, that's their error.",
        "The neighbours caused the leak, it didn't come from our side.",
        "Honestly it's the building's management company that never fixed it.",
        "You let the payment lapse, that's why the policy was cancelled.",
        "That's a problem with your phone, not with our service.",
        "The lab sent the results to the wrong clinic, we can't be blamed for that.",
        "Yeah, so, honestly that one's on the courier, they scanned it to the wrong depot.",
        "Um, the thing is, your clinic never sent us the referral, so it's not on our end.",
        "Well, the reason it bounced is your bank flagged it, nothing we did.",
        "So the tenant before you broke that, it's not the building's fault.",
        "Okay, the app store double-billed you there, that's on Apple, not us.",
        "Look, the school's the one who messed up the enrollment dates.",
        "Right, so you didn't cancel before the renewal date, that's why you were charged.",
        "The previous technician didn't tighten it, that's what caused the leak, not anything we did today.",
        "To be fair, you told us the wrong date on the first call, so that's how it got booked wrong.",
        "The insurer's adjuster lost the photos, we sent them over on time.",
        "That's the system, it did that automatically, it wasn't me.",
        "You should have read the email we sent you, it was all in there.",
        "You were told that on the last call, so I'm not sure why you're surprised.",
        "The payment processor is always causing these problems, blame them.",
        "Your old landlord kept the deposit, that's between you and him, we didn't do anything wrong.",
        "Honestly the night shift forgot to pass the message on.",
        "The driver went to the wrong house, that's his mistake.",
        "You gave the pharmacy the old insurance card, so that's why it was rejected.",
    ),
)

REDIRECT = FocusCue(
    kind="redirect",
    examples=(
        "You'll need to get in touch with their helpdesk on your own.",
        "That's not my area, ring the accounts team instead.",
        "You need to call your bank about that.",
        "I can't help with that, try the manufacturer.",
        "That's handled by another office, you'll need to ring them.",
        "Go back to the store where you bought it.",
        "You'll have to take that up with the carrier.",
        "We don't deal with that here, call the head office.",
        "Their number is on the website, give them a call.",
        "Email the claims department, they handle that, not me.",
        "That's a question for your insurance company.",
        "You'd better speak to your landlord about that.",
        "Call the pharmacy directly, we can't do anything about it here.",
        "That's not something I handle, you'll need to contact someone else.",
        "Ask the seller, we only ship the parcels.",
        "You'll have to visit a branch in person for that.",
        "That's up to your employer, talk to your HR people.",
        "Ring the other number, this line is only for sales.",
        "You need to go through the school's financial aid office for that.",
        "Get in touch with the vendor, they're the ones who can fix it.",
        "Write to the complaints address, I can't do anything on this call.",
        "Contact your doctor's surgery about it, not us.",
        "You'll have to call the shipping company, we can't track it from here.",
        "Your insurance provider decides that, so ring them.",
        "That's the landlord's call, you'll need to speak to him.",
        "We don't handle prescriptions, you need to talk to your doctor's office.",
        "For that you'll have to go to the DMV.",
        "You need to contact the servicer, they hold your loan now.",
        "Try the technical support line, I'm only billing.",
        "The store you bought it from has to sort that out, go back to them.",
        "I can't help with the app, you'll need to contact Apple.",
        "You'd need to ring the council about the bins, not us.",
        "That's for the alarm installer to answer, give them a call.",
        "Call the number on the back of your card, they'll deal with it.",
        "Reach out to the airline directly, we can't change the booking.",
        "Head over to the post office with your ID and ask them.",
        "You'll have to ask the management office, I don't know anything about that.",
        "Speak to HR at your company, they handle the payroll deduction.",
        "You need to get the seller to open a claim, we can't do it.",
        "Contact the bank's fraud department yourself, we don't deal with that.",
        "Um, yeah, that's not really us, you'd have to ring the alarm company that installed it.",
        "So, for the tow, you'd need to call your roadside assistance, we don't arrange that.",
        "Honestly, you're better off asking the pharmacy, they'd know more than me.",
        "Okay, so that's a federal loan thing, you'll want to call the Department of Education.",
        "Yeah, we can't see their system, so just give the seller a call.",
        "That's the building management's job, you'll need to call the office on Monday.",
        "I'm just the front desk, for billing questions call the number on your statement.",
        "We don't deal with claims here, go through your insurance company.",
        "For that you'd need to speak to your GP's surgery, not the pharmacy.",
        "No, that would be the courier, you'll have to get in touch with them yourself.",
        "You'll have to call back during business hours and ask for the claims team.",
        "I can't transfer you, you'll need to dial the other line yourself.",
        "Try your local branch, they might be able to help.",
        "That's one for the manufacturer's helpline, not for us.",
        "Your bank has to sort that out, so give them a ring.",
        "You'll need to go to the police station and ask them about the report.",
        "That's handled by a separate company, I can give you their number.",
        "Speak to your landlord, it's his building, not ours.",
        "Repairs inside the flat are your landlord's responsibility, take it up with him.",
    ),
)

HALF_HEARTED = FocusCue(
    kind="half_hearted",
    examples=(
        "You can edit that under your profile settings.",
        "You can do that yourself online.",
        "You could try resetting it from the app.",
        "It's all on our website if you want to look it up.",
        "There's a form on the portal you can fill in.",
        "You can check the tracking page for updates.",
        "If you want, you can send us an email about it.",
        "You might want to have a look at the FAQ.",
        "Just update it through the app when you get a chance.",
        "You can download the form and post it to us.",
        "Try logging in again later and see if it works.",
        "The instructions are in the manual, you can follow those.",
        "You can cancel it from the subscriptions page whenever you like.",
        "Keep an eye on your email, maybe it will come through.",
        "Have a look in the help section, it explains how.",
        "Maybe restart the device and see if that helps.",
        "You can request a copy through the online portal.",
        "Just wait a few days and check again.",
        "There's a video on our site that shows you how to do it.",
        "You can book it online, it's quicker.",
        "If you log in, you'll find the statement under documents.",
        "Fill in the web form and someone might get back to you.",
        "You can find your invoices on the website under billing.",
        "Just use the app to change your delivery day.",
        "There's a self-service page where you can do the refund.",
        "You can upload the documents through the portal yourself.",
        "Check the FAQ on our site, the answer should be there.",
        "Try restarting the router and see if that fixes it.",
        "You could send us an email with the details.",
        "You can change the PIN at any cash machine.",
        "The form is on our website, print it and mail it in.",
        "Just keep an eye on the tracking link.",
        "You can cancel online in your account at any time.",
        "Have a look in your spam folder, it might be there.",
        "You can update your address in the member area.",
        "Call back tomorrow, maybe the system will be working then.",
        "You'll need to fill out the online form for that.",
        "It's all explained in the welcome pack we sent.",
        "You can request a statement through the app.",
        "Try again later, it usually sorts itself out.",
        "Yeah, so you can just do that in the app, it's under settings, then payment.",
        "Um, there's a form on the website for that, if you fill it in someone should pick it up.",
        "Okay, you can book the appointment online, it's probably quicker.",
        "Just log into the portal and you'll see the option to change it.",
        "So you'd just restart the panel and see if the error clears.",
        "You can track it yourself with the link in the email.",
        "If you go to our help page it walks you through it.",
        "You could try again tomorrow, sometimes it works the next day.",
        "You can always email us the documents and we'll take a look eventually.",
        "The instructions are on the back of the box, just follow those.",
        "You can find all of that in your welcome letter.",
        "Just have a look at your online statement, it's all listed there.",
        "You could always try clearing the app's cache and logging back in.",
        "There's a troubleshooting guide on the website you can go through.",
        "You'll find the cancellation form in your account, under documents.",
        "If you just fill in the contact form, someone will get back to you.",
        "You can check the status yourself any time on the claims portal.",
        "Maybe give it a day or two and see if it turns up.",
    ),
)

OWNERSHIP = FocusCue(
    kind="ownership",
    examples=(
        "I'll file the dispute myself and call you back on Friday.",
        "Let me deal with that for you straight away.",
        "I will look into the charge with our finance team myself and phone you within two hours.",
        "I'll personally follow up with the courier and email you by tomorrow.",
        "I'm going to escalate this to my supervisor today and call you back by five.",
        "I'll contact the bank on your behalf and get back to you this afternoon.",
        "Leave it with me, I'll sort it out and ring you tomorrow morning.",
        "I'll make sure the refund goes through and send you a confirmation tonight.",
        "I'll call the pharmacy for you now and stay on it until it's fixed.",
        "I'll reschedule the technician for you and text you the new time.",
        "I've raised the complaint myself and I'll chase it on Monday.",
        "I will personally keep an eye on this and update you by the end of the day.",
        "Don't worry about the form, I'll fill it in for you and send it off today.",
        "I'll speak to the warehouse myself and call you back before noon.",
        "You don't have to do anything, I'll change it for you now.",
        "I'm sending the replacement out myself today and I'll email you the tracking.",
        "I'll handle the paperwork and let you know as soon as it's approved, by Wednesday at the latest.",
        "I'm going to credit your account right now and confirm it by text.",
        "Let me ring the landlord for you, and I'll call you straight back.",
        "I'll open the claim for you today and follow it through to the end.",
        "I'll ring the courier myself this afternoon and text you the new delivery slot.",
        "Let me sort the refund out for you now, it'll be on your card by Friday.",
        "I'm going to call your doctor's office myself and get the prescription sent over today.",
        "I'll contact the landlord on your behalf and call you back tomorrow morning.",
        "I'll personally make sure the technician comes back on Thursday, and I'll confirm by email tonight.",
        "Don't worry about the form, I'll fill it in with you now and submit it myself.",
        "I'll escalate the claim to my manager today and ring you by five with an answer.",
        "I'm going to stay on this until it's fixed, I'll call you every morning with an update.",
        "I'll reach out to the servicer for you and get back to you within 48 hours.",
        "I'll cancel the duplicate charge myself right now and send you a confirmation.",
        "Leave the paperwork to me, I'll get it filed today and call you when it's done.",
        "I'll book the locksmith for you now and call you back when he's on his way.",
        "I'll chase the lab myself and phone you as soon as the results are in, by Wednesday at the latest.",
        "I'll update all three orders for you right now, you don't need to do anything.",
        "Here's what I'll do: I'll call the depot myself right now and ring you back within the hour.",
        "Leave it with me, I'll get the refill authorised with your doctor today and text you.",
        "I'm going to book the plumber for you for tomorrow and I'll confirm the time by text tonight.",
        "Alright, I'll put the claim in for you myself this afternoon and email you the reference.",
        "Don't worry, I'll sort out the billing with the finance team and call you back on Monday.",
        "I'll personally follow this through, and I'll give you a call Thursday to say where it's at.",
        "I'll speak to the installer myself today and get them out to you by Friday.",
        "Right, I'll do the address change for you now and resend the parcel tomorrow.",
        "I'll take this on myself, I'll call the school's office and get back to you by end of day.",
        "Okay, I'm raising it with my supervisor right now and I'll update you this afternoon.",
        "I'll make a note and personally call the landlord first thing tomorrow.",
        "I've already emailed the depot, and I'll call you back as soon as they reply, today for sure.",
        "I'll get that replacement card out to you myself today, express, so you'll have it by Thursday.",
        "I'm going to contact the adjuster directly now and push for a decision by Friday.",
        "Let me fix the billing myself right now, and I'll send you the corrected statement by email.",
        "I'll call the lab for you this morning and ring you back with the results.",
        "I'll handle the cancellation myself so you don't have to go online, and email you the confirmation.",
        "I'll check in with the technician myself after the visit and call you tonight.",
    ),
)

NEUTRAL = FocusCue(
    kind="neutral",
    examples=(
        # routine status lines
        "A technician is booked for 9 tomorrow.",
        "Your refill will be ready at the pharmacy by noon.",
        "The parcel is scheduled for delivery on Thursday.",
        "Your payment has been processed.",
        "Your claim number is four five one two.",
        "The next available appointment is Monday at ten.",
        "The system shows the order was shipped yesterday.",
        "Your new card will arrive in five to seven business days.",
        "The engineer will ring you half an hour before he arrives.",
        "The courier will collect the return on Wednesday.",
        "I've booked you in for Tuesday at three.",
        "I have cancelled the old order and placed the new one.",
        # plain facts and explanations
        "The transaction was declined by the card issuer.",
        "The fault is in the cable outside the building.",
        "There was a system outage this morning.",
        "The prescription has expired, so it needs renewing by the doctor.",
        "Your policy covers windscreen damage.",
        "The office is open until six on weekdays.",
        # safety referrals inside a helpful answer
        "If you smell gas, leave the building and call the emergency line first.",
        "If the pain gets worse before then, please go to the emergency room.",
        "For your safety, stay in the car with the hazard lights on.",
        "If anyone is injured, call an ambulance right away.",
        "If sparks come out of the socket, turn off the mains and call the fire brigade.",
        # hand-overs
        "I'll transfer you to our automated payment line now.",
        "I'm putting you through to the billing team, they'll have your details.",
        "Please hold while I connect you to a specialist.",
        "Let me transfer you to the card security team, I've told them what happened.",
        # questions, acknowledgements, pleasantries
        "Can I have your account number, please?",
        "What is the best phone number to reach you?",
        "Could you spell your last name for me?",
        "Would you like me to email you a copy?",
        "Can I call you back on this number if we get cut off?",
        "Thank you for calling, have a great day.",
        "Let me pull up your account.",
        "One moment while I check.",
        "Let me just look into that for you.",
        "Is there anything else I can help you with?",
        "No problem.",
        "Sure, not a problem at all, happy to help.",
        "Okay, I've got that down.",
        "I'm sorry to hear about that, that sounds frustrating.",
        "So that's the 12th of March, correct?",
        "You'll receive a confirmation email shortly.",
        "Your account is all set.",
        "You can pay by card or bank transfer.",
        "You can pick it up any time after two.",
        "You can still use the old card until the new one arrives.",
        "You can take the tablets with food.",
        "Feel free to call us back if it happens again.",
        "If you have any other questions, just give us a call.",
        "The form needs your doctor's signature before we can process it.",
        "Keep the receipt in case you need it for the warranty.",
        "The pharmacy will text you when it's ready.",
        "You'll need your reference number when the driver arrives.",
        "Your refund will show on your card within five working days.",
        "The driver will text you a one-hour window on the day.",
        "The adjuster will contact you within two business days.",
        "Your next payment of 210 dollars is due on the 15th.",
        "The alarm panel is showing all sensors closed.",
        "Your order left the warehouse this morning.",
        "The dentist can see you on Friday at half past nine.",
        "Your subscription is paused until the first of next month.",
        "The repair is scheduled for Thursday between eight and twelve.",
        "I've changed the delivery address on the order.",
        "I've waived the late fee this time.",
        "I've sent the replacement, you'll get it on Monday.",
        "I've added a note to the account so everyone can see it.",
        "Okay, I've booked the engineer for you.",
        "Okay, let me see what I can do.",
        "Sure, I can help you with that today.",
        "Thanks, that's everything I needed.",
        "I'll read that back to you to be sure.",
        "I'll send you a copy of the receipt by email.",
        "Okay, bear with me a moment.",
        "I completely understand why you're upset.",
        "I'm so sorry about all this, that's really not what you needed.",
        "Oh no, that's frustrating, I'm sorry that happened.",
        "I apologise for the trouble you've had.",
        "That must have been really stressful for you.",
        "I hear you, that's annoying, let's get it sorted.",
        "The payment was declined because the card had expired.",
        "The parcel was delayed by the weather.",
        "You'll need your policy number when the adjuster calls.",
        "You'll get a letter confirming the new repayment plan.",
        "Your medication is ready for collection at the pharmacy.",
        "If the alarm sounds and you see someone, leave and call the police, then call us.",
        "If you feel short of breath after the dose, call emergency services straight away.",
        "I'm transferring you to our payments line, it's fully automated and secure.",
        "Let me connect you to the fraud team, I'll stay on until they pick up.",
        "You can keep the item, we'll refund it anyway.",
        "You can call us any time if anything changes.",
        "You'll receive a tracking number by text.",
        "The form has to be signed by both account holders.",
        "Yeah, so your parcel's out for delivery today, it should be with you by six.",
        "Okay, so your claim reference is C-4471, and the adjuster will ring you tomorrow.",
        "Um, let me just pull up the account, one second.",
        "Okay, perfect, and what's the best email for you?",
        "Right, so your repayment plan changes from next month.",
        "Yeah, the technician's booked in for Thursday morning.",
        "Okay, I've rescheduled that for you, you're now on the 14th at ten.",
        "Great, so I've refunded the second charge, it'll take three to five days.",
        "So just to confirm, that's 22 Oak Lane, flat 3?",
        "Okay, and are you somewhere safe right now?",
        "If anyone's hurt, please call 911 first, and I'll stay on the line with you.",
        "Okay, I'm putting you through to the pharmacist now.",
        "Sure, I can do that for you.",
        "Yeah, that's all updated now.",
        "The alarm's been reset from our end and it's showing normal.",
        "Okay, thanks for waiting, I've got the details up now.",
        "Your next appointment is on Tuesday at 9:30 with Dr. Lee.",
        "Okay, so the refill's been approved and sent to your pharmacy.",
        "Yeah, you'll get a confirmation text in a few minutes.",
        "Okay, so that's all sorted, is there anything else?",
        "The system updates overnight, so you'll see the change tomorrow.",
        "Your deposit was returned on the 2nd.",
        "The driver is about ten minutes away.",
        "Okay, the insurance card on file is the new one.",
        "I've noted that the back gate will be open.",
        "The form is already filled in, you just need to sign it.",
        "Okay, and can I take a contact number for the technician?",
        "We'll send you a text the day before as a reminder.",
    ),
)

FOCUS_CUES: list[FocusCue] = [BLAME_SHIFT, REDIRECT, HALF_HEARTED, OWNERSHIP, NEUTRAL]

_FIRST = (
    r"(?:i'll|i will|i'm going to|i am going to|i'm gonna|let me|i've|i have|i'd|i can|i'm|i am|"
    r"we'll|we will)"
)
_CONTACT = (
    r"(?:call|contact|ring|phone|email|e-mail|reach out to|get in touch with|speak to|speak with|talk to|"
    r"check with|ask|go to|go back to|write to)"
)
_PARTY = (
    r"(?:support|team|department|office|company|provider|bank|carrier|courier|manufacturer|landlord|insurer|"
    r"insurance|store|shop|branch|pharmacy|pharmacist|doctor|clinic|school|servicer|lender|dealer|agency|"
    r"people|folks|helpline|hotline|line|desk|seller|vendor|council|employer|number|management|airline|"
    r"hospital|lab|dmv|post office|government|irs|utility|gas company|electric company|locksmith|contractor|"
    r"installer|depot|warehouse|retailer|merchant|app store|issuer|super|superintendent|hr)"
)
_OTHER_PARTY = r"(?:their|the|your|that|another|a different|the other)\s+(?:[\w'-]+\s+){0,2}" + _PARTY
_WHEN = (
    r"(?:today|tonight|tomorrow|this (?:morning|afternoon|evening|week)|(?:by|on|before|until) (?:the end of|"
    r"mon|tue|wed|thu|fri|sat|sun|noon|\d)|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"within (?:an?|one|two|three|\d+|the next) \w+|right (?:now|away)|in (?:a|one|an|\d+) (?:minute|hour)|"
    r"\d{1,2}(?::\d\d)? ?(?:am|pm|o'clock))"
)
_CHANNEL = (
    r"(?:online|website|web site|site|app|portal|settings|page|form|faq|help (?:centre|center|section)|"
    r"account|"
    r"manual|link|chat|email)\b"
)

# Regular expressions by group, in lower case (they run on lower-cased text). The detectors read:
# - `prefilter`: a sentence that matches none of these is never encoded (a cheap gate, broad on purpose);
# - one group per kind: phrasing that backs that kind (raises its score);
# - `first_person` and `concrete`: ownership needs a first-person commitment to a concrete step or time;
# - `agent_acts`: the agent says it will do the contacting or the change itself, so it is not sending the
#   customer anywhere;
# - `safety`, `handover`: a referral for safety or a transfer that hands the customer over is not a redirect.
FOCUS_PATTERNS: dict[str, list[str]] = {
    "prefilter": [
        r"\b" + _FIRST + r"\b",
        r"\b(?:myself|personally|on your behalf|for you|leave it with me|with me)\b",
        r"\byou(?:'ll| will|'d| would)?\s+(?:\w+\s+)?(?:need|have|want|might|may|could|can|should|must|"
        r"got)\b",
        r"\byou (?:gave|missed|forgot|entered|typed|sent|chose|picked|booked|ordered|signed|put|didn't|never|"
        r"had)\b",
        r"\b(?:yourself|try|go to|go back|call|ring|contact|email|e-mail|reach|speak|talk|visit|check|ask|"
        r"write)\b",
        r"\b(?:have a look|look it up|wait|restart|unplug|maybe|log in|login|download|fill|self-service)\b",
        r"\b(?:website|site|online|app|portal|form|faq|help cent(?:re|er)|settings|page|manual|number|"
        r"line)\b",
        r"\b(?:fault|blame|responsib\w*|mistake|error|messed|caused|problem|issue|side|end|doing|lost|"
        r"late)\b",
        r"\b(?:wasn't me|wrong information|forgot to|(?:explained|instructions are) (?:in|on))\b",
        r"\b(?:because|that's why|which is why|due to|nothing to do|not us|not ours|wasn't us|on them)\b",
        r"\b(?:department|team|office|company|provider|bank|carrier|courier|manufacturer|landlord|insurer|"
        r"seller)\b",
        r"\b(?:not (?:on )?(?:our|my|me|us|something)|we only|only (?:do|handle|deal))\b",
        r"\b(?:they|them|their|he|him|his|she|her)\b",
    ],
    "blame_shift": [
        r"\bnot (?:our|my) (?:fault|mistake|error|problem|doing)\b",
        r"\b(?:their|his|her|your|the [\w-]+'s) (?:fault|mistake|error|problem|mess)\b",
        r"\b(?:on|from) (?:their|your|the [\w-]+'s|your [\w-]+'s) (?:side|end)\b",
        r"\b(?:we|i) (?:didn't|did not|never) (?:put|do|cause|touch|change|send|make)\b",
        # "that's on the carrier"; "it's on the neck, under the handlebars" says where, not whose fault
        r"\b(?:that's|that is) (?:on|down to) (?:them|him|her|you|the [\w-]+)\b|"
        r"\b(?:it's|it is) down to (?:them|him|her|you|the [\w-]+)\b",
        r"\bnot (?:really )?on (?:us|our end|our side|me)\b",
        # "That's the director's policy though, not mine", "a compliance rule from the home office, not my call"
        r"\b(?:rule|policy|decision|call|control|thing)\b[^.?!]*\bnot (?:mine|ours|my call|our call|up to (?:me|us))\b"
        r"(?! to\b)",
        r"\bnot (?:from|in|with) our (?:system|end|side)\b",
        r"\b(?:that's|that is|which is) (?:why|what caused)\b",
        r"\b(?:we're|we are|i'm|i am) not (?:responsible|to blame|at fault)\b",
        r"\b(?:nothing to do with (?:us|me)|(?:can't|cannot|can not) be (?:held )?(?:responsible|blamed))\b",
        r"\b(?:we|i) (?:have|had) nothing to do with\b",
        r"\b(?:blame|fault of|your own doing)\b",
        r"\byou (?:should have|shouldn't have|didn't|did not|must have|never)\b",
        r"\byou (?:gave|put in|entered|typed|signed|chose|picked|missed|forgot|booked) (?:us |the |an? |"
        r"your )?"
        r"(?:old|wrong|incorrect|expired|outdated|late)\b",
        r"\bif you had\b",
        r"\b(?:messed (?:it |this |that )?up|dropped the ball|got it wrong)\b",
    ],
    "redirect": [
        r"\bnot (?:my|our) (?:department|area|job|team|responsibility|remit|problem)\b",
        r"\b(?:not something|nothing) (?:i|we) (?:handle|deal with|do|can do)\b",
        r"\b(?:you|she|he|they)(?:'ll| will|'d| would)?(?: (?:actually|just|probably|really|still|then))? "
        r"(?:have|has|need|needs|got|want) to (?:\w+ )?(?:call|contact|ring|email|phone|"
        r"speak|"
        r"talk|reach|go|take (?:it|that|this) up|ask|write)\b",
        r"\b" + _CONTACT + r" " + _OTHER_PARTY,
        r"\b(?:call|contact|ring|phone|email|ask) (?:them|they)\b",
        r"\b(?:dial|try|use) (?:the|their|a) (?:other|different|separate|main) (?:number|line)\b",
        r"\b(?:reach out to|get in touch with|get hold of|speak to|speak with|talk to|go to|go through|"
        r"take it up with) (?:them|him|her|your [\w-]+|their [\w-]+)\b",
        r"\bgive (?:them|him|her|the [\w-]+) a (?:ring|call|buzz)\b",
        r"\b(?:handled|dealt with|done) by (?:the|a|their|another)\b",
        r"\b(?:with|to) (?:them|the [\w-]+) directly\b|\bdirectly with\b",
        r"\b(?:contact|call|ring|email) \w+ about (?:it|that|this)\b",
        r"\b(?:a|more of a) (?:question|matter|thing) for (?:your|the|them)\b",
        r"\b(?:you're|you are|you'd be) better off (?:calling|contacting|ringing|asking|talking|going)\b",
        r"\b(?:i'd|i would) (?:call|contact|ring|ask) (?:them|the|your)\b",
        r"\btry (?:the|their|your) (?:[\w-]+ ){0,2}(?:number|line|desk|team|office|helpline|hotline)\b",
        r"\bwe (?:only|just) (?:do|handle|deal with)\b",
        r"\bwe (?:don't|do not|can't|cannot) (?:handle|deal with|do|help with) (?:that|this|those|refunds)\b",
        r"\b(?:i|we) (?:can't|cannot) (?:help (?:you )?with|do) (?:that|this|refunds|anything)\b",
        r"\byourself\b",
    ],
    "half_hearted": [
        # the customer is pointed to a self-service channel to do it ...
        r"\byou(?:'d| would| can| could| may| might| should)?(?: just| also| simply| easily| always|"
        r" actually)?"
        r"(?: need to| have to| want to)? (?:do|change|update|find|check|download|cancel|reset|request|book|"
        r"manage|"
        r"submit|track|fill|look|see|print|upload|order|reorder|renew|edit|pause|set|log|sign|go|use|"
        r"resubmit|"
        r"follow)\b.*\b" + _CHANNEL,
        r"^(?:\w+,? )?(?:just |maybe |simply )?(?:go|log|check|look|download|fill|visit|use|resubmit|follow|"
        r"keep|reinstall|update|restart|reset|clear)\b"
        r".*\b" + _CHANNEL,
        r"\b(?:it's|it is|everything is|it's all|all|that's|that is|the steps are|instructions are) (?:on|"
        r"in) "
        r"(?:the|our|your) (?:website|site|app|portal|faq|manual|help)",
        r"\b(?:self[- ]service|do (?:it|that|the \w+ request) yourself|request (?:it|that) yourself)\b",
        r"^(?:\w+,? )?(?:just |you can |you could )?(?:email|e-mail|write to|send) us\b",
        # ... or left to try things alone
        r"\b(?:try (?:again|logging|resetting|restarting|turning|unplugging|rebooting)|give (?:it|"
        r"that) a (?:try|go)|"
        r"have you tried|maybe try|just wait|keep (?:checking|an eye))\b",
    ],
    "ownership": [
        r"\b(?:myself|personally|on your behalf|leave it with me|i'll take care|let me take care|i'll handle|"
        r"i'll sort|i will sort|i'll make sure|i will make sure|i'll chase|i'll follow up|"
        r"i will follow up)\b",
        r"\b(?:call|ring|phone|email|text|get back to) you (?:back )?",
        r"\b(?:i'm|i am) going to (?:\w+ )?(?:cancel|call|send|order|book|file|put in|raise|escalate|process|"
        r"stay|contact|speak|reach|change|fix|refund|credit)\b",
        r"\b(?:i'll|i will) (?:get|have) (?:that|it|this|the [\w-]+) (?:sorted|done|fixed|rebooked|sent|"
        r"moved)\b",
        r"\bfrom me\b",
        # a step under way: "I'm reversing the second draft today", "I'm putting a hold on it"
        r"\b(?:i'm|i am) (?:now |also |just |already )?(?:putting|placing|reversing|refunding|crediting|"
        r"sending|booking|rebooking|scheduling|ordering|filing|escalating|waiving|cancell?ing|updating|adding|"
        r"issuing|processing|arranging|flagging|submitting|expediting|moving|reissuing|removing)\b",
    ],
    # the agent disowning the cause outright: "that's not really on us", "the director's policy though, not mine"
    "disclaims": [
        r"\bnot (?:really )?on (?:us|me|our end|our side)\b",
        r"\bnot (?:our|my) (?:fault|mistake|error|doing|call)\b",
        r"\b(?:rule|policy|decision|call)\b[^.?!]*\bnot (?:mine|ours)\b(?! to\b)",
        r"\b(?:nothing to do with (?:us|me)|(?:we're|we are|i'm|i am) not (?:responsible|to blame|at fault))\b",
    ],
    # the agent doing it in person: "I'll put the refund through myself", "leave it with me"
    "in_person": [r"\b(?:myself|personally|on your behalf|leave it with me)\b"],
    "first_person": [r"\b(?:i|i'll|i'm|i've|i'd|me|my|myself|we'll|we will)\b"],
    "concrete": [
        _WHEN,
        r"\b(?:call|ring|phone|email|text|get back to|update|message) you\b",
        r"\b(?:get (?:it|that|this|them|the [\w-]+) (?:sorted|fixed|done|sent|moved|changed|approved)|"
        r"make sure|take care of|sort (?:it|that|this) out|follow up|set up|schedule|ship|expedite|flag|"
        r"put in|"
        r"file|raise|open|submit|send|book|rebook\w*|reschedule|escalate|refund|replace|order|dispatch|arrange|"
        r"chase|fix|update|cancel|contact|speak to|check|credit|waive|reverse|reissue|fill in|lodge|log)\b|"
        # the same steps under way ("I'm reversing it", "putting a note on it")
        r"\b(?:putting|placing|reversing|refunding|crediting|sending|booking|rebooking|scheduling|ordering|filing|"
        r"escalating|waiving|cancell?ing|updating|reissuing|expediting|arranging|flagging|submitting)\b|"
        r"\bput (?:a|the) (?:note|hold|flag|rush|stop)\b",
    ],
    "agent_acts": [
        r"(?<!nothing )(?<!anything )(?<!not much )\b(?:i'll|i will|i'm going to|i am going to|i'm gonna|"
        r"let me|"
        r"i can(?! only\b)|i could)\s+(?:[\w-]+\s+){0,2}(?:call|contact|ring|email|phone|speak|reach|do|cancel|change|"
        r"update|handle|sort|take care|send|file|order|book|raise|escalate|reset|fix|move|arrange|process|"
        r"refund)\b",
    ],
    "safety": [
        r"\b(?:911|999|112|emergency|ambulance|fire (?:department|brigade|service)|poison control|police)\b",
        r"\b(?:smell gas|gas leak|carbon monoxide|bleeding|chest pain|unsafe|danger\w*|for your safety|"
        r"get out)\b",
        r"\b(?:dose|dosage|side effects?|symptoms?|allerg\w*|stop taking|interactions?|fever|swelling|"
        r"pain)\b",
        r"\b(?:urgent care|a&e|the er)\b",
    ],
    "handover": [
        r"\b(?:transfer(?:ring)?|put(?:ting)?|connect(?:ing)?|patch(?:ing)?|hand(?:ing)?) you (?:over |"
        r"through )?"
        r"(?:to|now|through)\b",
        r"\bautomated (?:\w+ )?(?:line|system|service)\b",
        r"\b(?:hold|stay on the line) while i (?:transfer|connect|put)\b",
    ],
}
