#!/usr/bin/env python3
"""Writes the content-rule regression corpora (deterministic; no network).

  tests/fixtures/corpora/business_messages.tsv   use_case TAB brand TAB aliases TAB body
  tests/fixtures/corpora/abusive_messages.tsv    style TAB body

Every message is written for smslint: compliant business texts as CTIA describes
them (codes, reminders, delivery notices, fraud alerts, promotions naming the brand
with an opt-out), and abusive texts in the styles of smishing and prohibited content.
Brands, names, numbers and domains are invented (domains under .example or brand
sites). Regenerate with:  python3 tests/corpora/gen_corpora.py
"""
import itertools
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "fixtures", "corpora")

rng = random.Random(20261202)

NAMES = ["Ana", "Ben", "Chloe", "Dev", "Elena", "Farid", "Grace", "Hiro", "Imani", "Jon",
         "Kara", "Luis", "Mei", "Noah", "Olu", "Priya", "Quinn", "Rosa", "Sam", "Tess"]
DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Monday", "Tuesday", "Friday", "tomorrow"]
TIMES = ["9:00am", "9:30 AM", "10:15am", "11am", "1:45pm", "2:30 PM", "3pm", "4:20pm", "5:30pm"]
DATES = ["Dec 4", "12/9", "Jan 15", "3/2", "Feb 20", "Nov 30", "Oct 12", "4/18"]


def code():
    return str(rng.randint(100000, 999999))


def money(lo=5, hi=400):
    return f"${rng.randint(lo, hi)}.{rng.choice(['00', '49', '99', '25', '10'])}"


def last4():
    return str(rng.randint(1000, 9999))


# use case -> (brands [(brand, aliases, domain)], templates). {b} is the name used in the
# body (usually the brand), {d} the domain.
SECTIONS = {
    "two_factor": (
        [("Northfield Credit Union", "Northfield CU", "northfieldcu.org"),
         ("Larkspur Bank", "", "larkspurbank.com"), ("Tallyho Pay", "", "tallyho.app"),
         ("Quillmail", "", "quillmail.com"), ("Brightside Health", "", "brightside.health"),
         ("Ferris Wheel Games", "", "ferriswheel.games"), ("Orbit Cloud", "", "orbitcloud.io")],
        ["{b}: your verification code is {c}. It expires in 10 minutes. Don't share it with anyone.",
         "{c} is your {b} code. Use it to verify your account within 5 minutes.",
         "{b}: use code {c} to confirm your login now. We will never call to ask for it.",
         "{b} security code: {c}. Enter it to unlock your account today. If you didn't ask, ignore this.",
         "Your {b} sign-in code is {c}. Valid for 15 min. Never share this code.",
         "{b}: {c} is your one-time passcode to reset your password. It expires in 10 minutes.",
         "{b} code {c}. Enter it in the app to verify your identity. Didn't request it? Ignore this text.",
         "{b}: your login code is {c}. Our staff will never ask for this code.",
         "{b}: to finish setting up two-step verification, enter {c}. Code expires in 5 minutes.",
         "Use {c} to confirm your new phone number with {b}. Do not share it.",
         "{b}: {c} is your code to approve the transfer of {m}. Only enter it in the {b} app.",
         "{b} verification: {c}. Use it to verify your account now; it expires soon.",
         ]),
    "security_alert": (
        [("Larkspur Bank", "", "larkspurbank.com"), ("Quillmail", "", "quillmail.com"),
         ("Orbit Cloud", "", "orbitcloud.io"), ("Harborview Federal", "", "harborview.com")],
        ["{b}: a new device signed in to your account on {dt} at {t}. If this wasn't you, reset your password in the app.",
         "{b}: your password was changed on {dt}. Not you? Call us at the number on the back of your card.",
         "{b} alert: we blocked a sign-in attempt from a new location. Your account is safe; no action needed.",
         "{b}: code {c}. Use it to confirm your login now if you are signing in from a new browser.",
         "{b}: your email address was updated on {dt}. If you didn't make this change, contact support in the app.",
         "{b}: two-step verification was turned off on your account. Not you? Turn it back on under Settings.",
         "{b}: {c} is your code to unlock your account today after too many sign-in attempts.",
         ]),
    "fraud_alert": (
        [("Larkspur Bank", "", "larkspurbank.com"), ("Northfield Credit Union", "Northfield CU", "northfieldcu.org"),
         ("Harborview Federal", "", "harborview.com"), ("Cardinal Card Services", "", "cardinalcard.com")],
        ["{b} Fraud Alert: did you attempt a {m} purchase at {store} on card ending {l4}? Reply YES or NO.",
         "{b}: we declined a {m} charge at {store} on your card ending {l4}. Reply YES if it was you, NO if not.",
         "{b}: unusual activity on card ending {l4}. Your card has been locked until you confirm recent charges. Reply 1 if you recognize {m} at {store}, 2 if not.",
         "{b}: thanks for confirming. Your card ending {l4} is unlocked and ready to use.",
         "{b}: we flagged a {m} transaction at {store}. If it wasn't you, call the number on the back of your card.",
         "{b}: a wire of {m} is pending review. We will never ask for your PIN by text. Reply YES to approve or NO to cancel.",
         ]),
    "account_notification": (
        [("Northfield Credit Union", "Northfield CU", "northfieldcu.org"), ("Larkspur Bank", "", "larkspurbank.com"),
         ("Cardinal Card Services", "", "cardinalcard.com"), ("Maple Street Pharmacy", "", "maplestreetrx.com"),
         ("Crestline Energy", "", "crestline-energy.com"), ("Tallyho Pay", "", "tallyho.app"),
         ("Rivera Family Pharmacy", "", "riverarx.com")],
        ["{b}: your statement for account ending {l4} is ready. Minimum payment {m} due {dt}.",
         "{b}: your cash advance limit has been updated to {m}. See details in the app.",
         "{b}: the cash advance fee on your card will change on {dt}. Your cash advance APR is unchanged.",
         "{b}: a deposit of {m} posted to your checking account ending {l4}.",
         "{b}: your balance is below {m}. Log in to the app to move money.",
         "{b}: autopay of {m} is scheduled for {dt}. No action is needed.",
         "{b}: your prescription for {rx} is ready for pickup at our {loc} location.",
         "{b}: your controlled medication (Adderall) can be filled on {dt}. Reply REFILL to request it.",
         "{b}: your refill of {rx} was sent to the pharmacy. We'll text you when it's ready.",
         "{b}: your nicotine patch refill is ready. Pickup counter hours are 9am-7pm.",
         "{b}: your bill of {m} is due {dt}. Pay at {d}/pay or reply HELP for help.",
         "{b}: we received your payment of {m}. Thank you!",
         "{b}: your card ending {l4} expires soon. Your new card ships this week.",
         "{b}: your new debit card was mailed on {dt}. Activate it in the app when it arrives.",
         "{b}: a planned outage may affect service on {dt} from 1am to 4am.",
         ]),
    "delivery_notification": (
        [("Parcelwing", "", "parcelwing.com"), ("Greenbasket Grocery", "", "greenbasket.com"),
         ("Sunday Furniture", "", "sundayfurniture.com"), ("Hollis Florist", "", "hollisflorist.com"),
         ("Zipline Couriers", "", "zipline-couriers.com")],
        ["{b}: your order #{o} has shipped. Track it at https://{d}/t/{o}",
         "{b}: your package is out for delivery today between {t} and 8pm.",
         "{b}: your order #{o} was delivered at {t}. Left at front door.",
         "{b}: your groceries will arrive {dt} between {t} and 6pm. Reply HELP for help.",
         "{b}: we missed you today. We'll try again {dt}, or pick it up at our {loc} depot.",
         "{b}: your delivery of order #{o} is 2 stops away.",
         "{b}: your sofa delivery is scheduled for {dt}, 8am-12pm. Reply 1 to confirm or call us to reschedule.",
         "{b}: your flowers for {n} were delivered at {t}.",
         "{b}: order #{o} is ready for curbside pickup at {loc}. Reply HERE when you arrive.",
         "{b}: your package is delayed by weather and should arrive {dt}. Track it at {d}/track",
         ]),
    "customer_care": (
        [("Brightside Dental", "", "brightsidedental.com"), ("Pike & Pine Outfitters", "", "pikeandpine.com"),
         ("Crestline Energy", "", "crestline-energy.com"), ("Orbit Cloud", "", "orbitcloud.io"),
         ("Macy's", "", "macys.com")],
        ["{b}: hi {n}, this is Jen from support. Your ticket #{o} is resolved. Reply if you need anything else.",
         "{b}: thanks for contacting us. An agent will reply within 1 business day.",
         "{b}: your return for order #{o} was received. Your refund of {m} will post in 5-7 days.",
         "{b}: how did we do? Rate your support chat from 1 to 5 by replying with a number.",
         "{b}: your technician {n} is on the way and will arrive around {t}.",
         "{b}: we received your request to change your plan. It takes effect on {dt}.",
         "{b}: your repair is complete. Pick it up at {loc} any day 10am-6pm.",
         ]),
    "marketing": (
        [("Acme Coffee", "", "acme.com"), ("Rosa's Cantina", "", "rosascantina.com"),
         ("Ben & Jerry's", "", "benjerry.com"), ("The Home Depot", "", "homedepot.com"),
         ("Pike & Pine Outfitters", "", "pikeandpine.com"), ("Macy's", "", "macys.com"),
         ("Greenbasket Grocery", "", "greenbasket.com"), ("Lumen Labs, Inc.", "", "lumenlabs.com"),
         ("Corner Crust Pizza", "", "cornercrust.com"), ("Hollis Florist", "", "hollisflorist.com"),
         ("Ironwood Gym", "", "ironwoodgym.com"), ("Petal & Paw Grooming", "", "petalandpaw.com"),
         ("Blue Door Bistro", "", "bluedoorbistro.com")],
        ["{b}: {pct} off everything this weekend with code SAVE{pct2}. Shop at {d}. Reply STOP to opt out",
         "{b}: our holiday menu is here, including wine-braised short ribs and bourbon pecan pie. Book at {d}/menu Reply STOP to opt out",
         "{b}: we're betting you'll love our new winter menu. See it at {d}. Reply STOP to opt out",
         "{b}: hit the jackpot with this week's produce deals, strawberries 2 for $5. Reply STOP to opt out",
         "{b}: claim your $5 bonus when you refer a friend. Details at {d}/refer Reply STOP to opt out",
         "{b}: {n}, your birthday treat is waiting: a free dessert this month. Reply STOP to opt out",
         "{b}: flash sale! {pct} off boots until midnight at {d}/boots. Txt STOP to end",
         "{b}: new arrivals just landed. Take a look at https://{d}/new Reply STOP to unsubscribe",
         "{b}: double points on every purchase {dt}. Reply STOP to opt out, HELP for help",
         "{b}: you've earned a free drink! Show this text at checkout. Reply STOP to opt out",
         "{b}: spring tune-up special, {m} this month only. Book at {d}. Reply STOP to opt out",
         "{b}: members get early access to our sale starting {dt}. Reply STOP to opt out",
         "{b}: free delivery on orders over $35 this week. Reply STOP to opt out",
         "{b}: last chance! Our clearance ends Sunday. {d}/sale Reply STOP to opt out",
         "{b}: try our new pumpkin spice latte, 20% off through {dt}. Reply STOP to opt out",
         "{b}: trivia night is back Thursday at 7pm. Bring your team! Reply STOP to opt out",
         "{b}: your cart misses you. Complete your order at {d}/cart for free shipping. Reply STOP to opt out",
         "{b}: book a grooming visit for {n}'s pup and get 15% off. Reply STOP to opt out",
         "{b}: classes are filling fast, grab a spot in spin at {d}/classes. Reply STOP to quit",
         "{b}: buy one pizza, get one half off every Tuesday. Order at {d}. Reply STOP to opt out",
         ]),
    "mixed": (
        [("Acme Coffee", "", "acme.com"), ("Greenbasket Grocery", "", "greenbasket.com"),
         ("Ironwood Gym", "", "ironwoodgym.com")],
        ["{b}: your order is ready for pickup. Also, lattes are 20% off all week! Reply STOP to opt out",
         "{b}: your membership renews on {dt}. Bring a friend free this month! Reply STOP to opt out",
         "{b}: thanks for your order #{o}. Save 10% next time with code THANKS10. Reply STOP to opt out",
         "{b}: class schedule for next week is posted at {d}/schedule. Reply STOP to opt out",
         ]),
    "charity": (
        [("Riverbend Food Bank", "", "riverbendfoodbank.org"), ("Hope Harbor Shelter", "", "hopeharbor.org"),
         ("Children's Reading Fund", "", "readingfund.org")],
        ["{b}: our casino night fundraiser is {dt} at 7pm. Tickets at {d}/gala. Reply STOP to opt out",
         "{b}: your gift of {m} provided 40 meals this week. Thank you! Reply STOP to opt out",
         "{b}: we need volunteers to sort food {dt} at {t}. Sign up at {d}/volunteer. Reply STOP to opt out",
         "{b}: a donor will match every gift today up to $10,000. Give at {d}/give Reply STOP to opt out",
         "{b}: winter coat drive starts {dt}. Drop off at {loc}. Reply STOP to opt out",
         "{b}: thank you, {n}! Your receipt for {m} was emailed. Reply STOP to opt out",
         ]),
    "political": (
        [("Jordan Lee for Council", "", "jordanlee.org"), ("Yes on Measure 4", "", "yeson4.org"),
         ("Maria Gomez for Senate", "", "gomezforsenate.com")],
        ["{b}: early voting starts {dt}. Find your polling place at {d}/vote. Reply STOP to opt out",
         "{b}: join us for a town hall on public safety and gun violence prevention {dt} at {t}. Reply STOP to opt out",
         "{b}: can you chip in $10 before the deadline? {d}/give Paid for by {b}. Reply STOP to opt out",
         "{b}: we're knocking doors {dt}. Join us at {loc} at {t}. Reply STOP to opt out",
         "{b}: the measure would fund treatment for alcohol and opioid addiction. Learn more at {d}. Reply STOP to opt out",
         "{b}: thanks for signing the petition, {n}! Reply STOP to opt out",
         ]),
    "polling": (
        [("Civic Pulse Research", "", "civicpulse.org"), ("Brightside Dental", "", "brightsidedental.com")],
        ["{b}: quick 3-question survey about your recent visit. Reply 1-5 to rate us. Reply STOP to opt out",
         "{b}: which issue matters most to you? Reply A for roads, B for schools, C for taxes. Reply STOP to opt out",
         "{b}: thanks for your answers! Your feedback helps us improve. Reply STOP to opt out",
         ]),
    "public_service": (
        [("City of Fairview", "", "fairview.gov"), ("Lakeside County Health", "", "lakesidecounty.gov"),
         ("Fairview Housing Authority", "", "fairviewhousing.org")],
        ["{b}: the affordable housing lottery for Elm Court opens {dt}. Apply at {d}/housing",
         "{b}: free flu shots {dt} at the library, 10am-2pm. No appointment needed.",
         "{b}: boil water notice for ZIP 30512 until further notice.",
         "{b}: naloxone and safe disposal of unused opioids, free at {loc}. Info at {d}",
         "{b}: the police department will hold a gun buyback {dt} at {loc}. No questions asked.",
         "{b}: trash pickup is delayed one day this week because of the holiday.",
         "{b}: free quit-smoking help: nicotine gum and patches at the clinic. Call 311 for details.",
         "{b}: cooling centers are open {dt} from 10am to 8pm at {loc}.",
         "{b}: underage drinking prevention night for parents, {dt} at {t}, City Hall.",
         ]),
    "emergency": (
        [("Fairview University", "", "fairview.edu"), ("City of Fairview", "", "fairview.gov")],
        ["{b} ALERT: campus is in lockdown. Police report a person with a gun near the library. Shelter in place.",
         "{b}: lockdown lifted. The armed suspect is in custody. Classes resume at {t}.",
         "{b}: flash flood warning until 9pm. Avoid low roads.",
         "{b}: evacuation order for zones 3 and 4. Go to {loc} now.",
         ]),
    "k12_education": (
        [("Maple Grove Elementary", "", "maplegrove.k12.us"), ("Westfield School District", "", "westfield.k12.us"),
         ("Cedar Hill Middle School", "", "cedarhill.k12.us")],
        ["{b}: the kindergarten enrollment lottery results are posted at {d}/enroll",
         "{b}: school is closed {dt} because of snow. Stay safe!",
         "{b}: picture day is {dt}. Order forms went home in backpacks.",
         "{b}: reminder, {n} has a field trip {dt}. Please sign the permission slip.",
         "{b}: drug and alcohol awareness assembly for 8th graders {dt} at {t}.",
         "{b}: a student brought a toy gun to school today; it was taken and no one was hurt. Details by email.",
         "{b}: conferences are {dt}. Book a time at {d}/conferences",
         "{b}: early dismissal {dt} at 12:30pm for teacher training.",
         ]),
    "higher_education": (
        [("Fairview University", "", "fairview.edu"), ("Northgate Community College", "", "northgate.edu")],
        ["{b}: registration for spring classes opens {dt} at 8am.",
         "{b}: your financial aid package is ready. Review it in the student portal.",
         "{b}: the housing lottery for next year opens {dt}. Sign up in the housing portal.",
         "{b}: tuition payment of {m} is due {dt}.",
         "{b}: the library is open 24 hours during finals week.",
         ]),
    "sweepstake": (
        [("Acme Coffee", "", "acme.com"), ("Corner Crust Pizza", "", "cornercrust.com")],
        ["{b}: enter our holiday giveaway for a year of free coffee. No purchase necessary. Rules at {d}/rules Reply STOP to opt out",
         "{b}: thanks for entering! Winners will be drawn {dt} and notified by email. Reply STOP to opt out",
         ]),
    "low_volume": (
        [("Sunny Side Tutoring", "", "sunnysidetutoring.com"), ("Hart & Hound Vet", "", "hartandhound.vet")],
        ["{b}: {n}'s session is {dt} at {t}. Reply C to confirm.",
         "{b}: your pet's vaccines are due. Book at {d} or call us.",
         "{b}: thanks for coming in today! Reply with any questions.",
         ]),
}

# Appointment reminders go under account_notification and customer_care.
REMINDERS = (
    [("Brightside Dental", "", "brightsidedental.com"), ("Hart & Hound Vet", "", "hartandhound.vet"),
     ("Lakeview Physical Therapy", "", "lakeviewpt.com"), ("Ironwood Gym", "", "ironwoodgym.com"),
     ("Studio Nine Salon", "", "studionine.com"), ("Maple Street Pharmacy", "", "maplestreetrx.com")],
    ["{b}: reminder of your appointment {dt} at {t}. Reply C to confirm or R to reschedule.",
     "{b}: {n}, see you {dt} at {t}. Please arrive 10 minutes early.",
     "{b}: your cleaning is {dt} at {t}. Need to change it? Call us.",
     "{b}: your vaccine appointment is {dt} at {t} at our {loc} store.",
     "{b}: your personal training session with {n} is {dt} at {t}.",
     "{b}: you're booked for a haircut {dt} at {t}. Reply C to confirm.",
     "{b}: your appointment is tomorrow at {t}. Reply YES to confirm or call to cancel.",
     ])

STORES = ["Target", "Fuelmart", "BestBuy", "Corner Market", "an online merchant", "Shell", "Costco"]
LOCS = ["Main St", "Elm Ave", "Oak Plaza", "Downtown", "Westgate", "Riverside", "5th & Pine"]
RX = ["lisinopril", "amoxicillin", "metformin", "your inhaler", "atorvastatin", "levothyroxine"]


# How the body names the brand, including the spellings a matcher has to accept.
def body_name(brand, aliases):
    variants = {
        "Macy's": ["Macy's", "Macy’s", "MACY'S"],
        "The Home Depot": ["The Home Depot", "Home Depot"],
        "Ben & Jerry's": ["Ben & Jerry's", "Ben and Jerry's", "Ben & Jerry’s"],
        "Pike & Pine Outfitters": ["Pike & Pine Outfitters", "Pike and Pine Outfitters"],
        "Lumen Labs, Inc.": ["Lumen Labs", "Lumen Labs Inc."],
        "Rosa's Cantina": ["Rosa's Cantina", "Rosa’s Cantina", "Rosas Cantina"],
        "Hart & Hound Vet": ["Hart & Hound Vet", "Hart and Hound Vet"],
        "Children's Reading Fund": ["Children's Reading Fund", "Children’s Reading Fund"],
    }.get(brand, [brand])
    if aliases:
        variants = variants + aliases.split(";")
    return rng.choice(variants)


def fill(template, brand, aliases, domain):
    pct = rng.choice([10, 15, 20, 25, 30, 40])
    return template.format(
        b=body_name(brand, aliases), d=domain, c=code(), m=money(), l4=last4(),
        dt=rng.choice(DAYS + DATES), t=rng.choice(TIMES), n=rng.choice(NAMES),
        o=rng.randint(10000, 99999), store=rng.choice(STORES), loc=rng.choice(LOCS),
        rx=rng.choice(RX), pct=f"{pct}%", pct2=pct)


def business():
    rows = []
    sections = dict(SECTIONS)
    sections["account_notification"] = (sections["account_notification"][0],
                                        sections["account_notification"][1] + REMINDERS[1])
    sections["customer_care"] = (sections["customer_care"][0] + REMINDERS[0][:3],
                                 sections["customer_care"][1] + REMINDERS[1])
    per_template = 10
    for use_case, (brands, templates) in sections.items():
        for template in templates:
            for _ in range(per_template):
                brand, aliases, domain = rng.choice(brands)
                if "{b}" not in template:
                    continue
                rows.append((use_case, brand, aliases, fill(template, brand, aliases, domain)))
    seen, out = set(), []
    for r in rows:
        if r[3] not in seen:
            seen.add(r[3])
            out.append(r)
    return out


# ---------------------------------------------------------------- abusive
CUR = ["Rs.5,000", "₹25,000", "INR 10,000", "€500", "£750", "$1,000", "$250", "Rs 2500", "€1.200", "£1000"]
BANKS = ["SBI", "HDFC", "Chase", "Wells", "Barclays", "Santander", "Monzo", "BOA", "Paytm", "PhonePe"]
HOSTS = ["secure-login.ngrok.io", "verify-acct.trycloudflare.com", "account-help.000webhostapp.com",
         "kyc-update.weebly.com", "refund-center.duckdns.org", "wallet-verify.web.app",
         "id-check.firebaseapp.com", "usps-redeliver.netlify.app", "claim-now.vercel.app",
         "bit.do/kyc4", "bit.ly/3xRfund", "tinyurl.com/acct-hold", "login-review.glitch.me",
         "refund.workers.dev", "secure-id.pages.dev", "is.gd/walletfix"]
DEADLINES = ["within 24 hours", "today", "in 2 hrs", "by midnight", "within 12 hours", "immediately",
             "before 6PM", "in 24hrs"]


def abusive():
    rows = []
    prize = [
        "Dear customer, you have been awarded a bonus of {cur}. Collect it at {h}",
        "Your reward of {cur} is waiting for you. Claim before {dl}: {h}",
        "Congratulations! Your number won {cur} in the mobile draw, awaiting collection. Call 09061{d4}",
        "You are today's lucky winner of {cur}! Send your name and address to claim",
        "{bank} Rewards: {cur} cashback credited to your account is pending. Redeem at {h}",
        "Your Amazon gift voucher worth {cur} is ready. Collect your prize at {h}",
        "WINNER!! You have been selected to receive {cur}. Txt CLAIM to 8{d4}",
        "Final notice: unclaimed reward of {cur} will expire {dl}. Claim at {h}",
        "Your lucky draw entry won {cur}. Reply with your bank details to receive the payout",
        "Hi, you've won {cur} in our anniversary lottery! Visit {h} to collect",
        "Congrats! A {cur} cash prize is awaiting collection. Call 0906{d4}{d2} now",
        "You have been chosen for a {cur} loyalty bonus. Claim it {dl} at {h}",
    ]
    suspend = [
        "{bank}: your KYC has expired and your account will be blocked {dl}. Update KYC at {h}",
        "Dear user your {bank} A/C will be suspended today. Pls update your PAN card: {h}",
        "Your wallet has been temporarily suspended due to unverified K.Y.C. Verify {dl}: {h}",
        "{bank} ALERT: your online banking access will be blocked {dl}. Re-activate at {h}",
        "Your SIM will be deactivated {dl} due to incomplete KYC. Call 98{d4}{d4} to update",
        "Notice: your Apple ID is locked for security reasons. Unlock it at {h}",
        "Your crypto wallet will be frozen in 24h unless you verify your seed phrase at {h}",
        "{bank}: your debit card is blocked. To avoid permanent closure verify {dl} at {h}",
        "Your Netflix account is on hold. Update your payment details {dl}: {h}",
        "Dear customer, your electricity will be disconnected tonight at 9:30pm. Call officer 98{d4}{d4} immediately",
        "Your PayPal account has been limited. Restore access {dl} at {h}",
        "Your mobile number will be suspended {dl} for KYC non-compliance. Click {h}",
    ]
    login = [
        "{bank}: please log in at {h} to review a payment of {cur}",
        "IRS: you are eligible for a tax refund of {cur}. Submit your details at {h}",
        "USPS: your package is on hold. Confirm your address at {h}",
        "{bank}: a refund of {cur} is pending. Login here to receive it {h}",
        "Verify your identity at {h} to keep using your card",
        "HMRC: you have a pending tax rebate. Claim at {h}",
        "Toll services: unpaid toll balance of $6.99. Pay at {h} to avoid a late fee",
        "DHL: your parcel could not be delivered. Pay the redelivery fee at {h}",
    ]
    lookalike = [
        "Y0ur acc0unt has been susp3nded. V3rify n0w at {h}",
        "C0ngrats! U w0n a fr33 iPh0ne. Cl41m y0ur pr1ze at {h}",
        "𝗬𝗼𝘂𝗿 𝗮𝗰𝗰𝗼𝘂𝗻𝘁 𝗵𝗮𝘀 𝗯𝗲𝗲𝗻 𝘀𝘂𝘀𝗽𝗲𝗻𝗱𝗲𝗱. Verify at {h}",
        "Your b4nk acc0unt is l0cked. Unl0ck it {dl}: {h}",
        "Ｙｏｕ ｈａｖｅ ｗｏｎ {cur}. Claim at {h}",
        "Update your K.Y.C {dl} or your account will be blocked: {h}",
        "P4yPal: y0ur acc0unt will be l1m1ted. L0g1n at {h}",
        "Y0u h4ve w0n a c4sh pr1ze of {cur}! C4ll 0906{d4}{d2}",
    ]
    adult = [
        "Hot horny girls waiting to chat! Text SEXY to 8{d4}. 150p/msg",
        "Lonely tonight? Dirty chat with local girls, call 0906{d4}{d2} now, £1.50/min",
        "Bored? Naughty live chat line, send XXX to 6{d4}, 18+ only. £1.50/wk",
        "Want a discreet hookup tonight? Meet local singles at {h}",
        "Sexy singles in your area want to meet you. Reply YES to chat 150p/msg",
        "Adult chat 24/7, 18+ only, call 0909{d4}{d2}",
    ]
    alcohol = [
        "Brew Barn: $4 pints of our Winter IPA all night! Reply STOP to opt out",
        "Oak & Ale: barrel-aged stout tasting, 4 pours for $12. Reply STOP to opt out",
        "Hopyard: new taproom opens Friday, first round on us. Reply STOP to opt out",
        "Dockside: happy hour 4-7pm, $5 well drinks. Reply STOP to opt out",
        "Harbor Spirits: Rum, gin and sake 20% off this weekend. Reply STOP to opt out",
        "Vine Cellars: bottles of pinot noir 2 for $30. Reply STOP to opt out",
        "Cask House: half-price draft lagers and pilsners until 6pm. Reply STOP to opt out",
        "The Still: whiskey flights and craft cocktails Thursday. Reply STOP to opt out",
    ]
    cannabis = [
        "Green Leaf: CBD gummies buy 1 get 1. Order at {h}",
        "Cloud Co: vape pens and pods 30% off today. Reply STOP to opt out",
        "Top-shelf weed delivery in 30 minutes, text your order to 41{d4}{d4}",
        "Fresh THC carts and edibles restocked, shop now at {h}",
        "Delta-8 gummies on sale, free shipping. Reply STOP to opt out",
        "Get your medical marijuana card online in 10 minutes: {h}",
    ]
    debt = [
        "Settle your credit card debt for less than you owe. Call now 888-55{d2}-{d4}",
        "Drowning in credit card debt? Consolidate it into one low payment today. Reply STOP to opt out",
        "Our program can cut what you owe in half. Reply YES for a free consult",
        "Get up to $1,000 deposited today, no credit needed. Apply at {h}",
        "Need cash fast? Loans up to $5,000 approved in minutes, bad credit ok",
        "We can reduce your credit card debt by 50%. Text DEBT to 5{d4}",
        "Struggling with payments? Eliminate your debt legally, call 800-55{d2}-{d4}",
        "Pre-approved: $2,500 cash advance today with no credit check at {h}",
    ]
    gambling = [
        "Spin to win! 100 free spins and a 200% deposit bonus at {h}",
        "Place your bets on tonight's game: $50 risk-free bet at {h}",
        "Jackpot alert: online casino pays {cur} tonight. Play at {h}",
    ]
    styles = [("prize", prize), ("suspension", suspend), ("login-link", login),
              ("lookalike", lookalike), ("adult", adult), ("alcohol", alcohol),
              ("cannabis", cannabis), ("debt", debt), ("gambling", gambling)]
    for style, templates in styles:
        reps = 7 if style in ("prize", "suspension", "login-link", "lookalike") else 4
        for template in templates:
            for _ in range(reps):
                rows.append((style, template.format(
                    cur=rng.choice(CUR), h=rng.choice(HOSTS), dl=rng.choice(DEADLINES),
                    bank=rng.choice(BANKS), d4=rng.randint(1000, 9999), d2=rng.randint(10, 99))))
    seen, out = set(), []
    for r in rows:
        if r[1] not in seen:
            seen.add(r[1])
            out.append(r)
    return out


def write(name, header, rows):
    with open(os.path.join(OUT, name), "w", encoding="utf-8", newline="\n") as f:
        f.write(header + "\n")
        for r in rows:
            f.write("\t".join(r) + "\n")


if __name__ == "__main__":
    b = business()
    a = abusive()
    write("business_messages.tsv",
          "# use_case\tbrand\tbrand_aliases (;-separated)\tbody -- generated by tests/corpora/gen_corpora.py",
          b)
    write("abusive_messages.tsv",
          "# style\tbody -- generated by tests/corpora/gen_corpora.py", a)
    print(f"business: {len(b)}, abusive: {len(a)}")
