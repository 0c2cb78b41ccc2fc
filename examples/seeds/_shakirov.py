"""Seed 002: Oleg Shakirov's review "Russian Digital Diplomacy in 2016" (2017)."""

from __future__ import annotations

import datetime as dt

import attrs
from _seeding import Document, span
from _shared import RUSSIA, RUSSIAN_MFA, THE_WEST, TWITTER, UKRAINE, UNITED_KINGDOM, USA

from ddfacts import Condition, Members, Proposition, Quantity, Rank, Ranking, TimeSpan

SOURCE = "source:shakirov-digital-diplomacy-2016"
FILE = "002_26e4c5bc5c62dbcf.txt"

TITLE = "Russian Digital Diplomacy in 2016 / Oleg Shakirov"
BYLINE = "Oleg Shakirov, Expert on Foreign Policy and Security, Center for Strategic Research."
SAW = "In terms of digital diplomacy policy, 2016 saw several significant events."
PUTIN_JUNE = (
    "Most importantly, President Vladimir Putin spoke of the role of information aspects of"
    " foreign policy at the Meeting of Russian Federation Ambassadors and Permanent Envoys in late"
    " June."
)
BIENNIAL = (
    "Such meetings are held biennially, and in 2012 Putin’s reported remarks about the need to"
    " promote Russian positions using various platforms and new technologies gave top-down impetus"
    " to emerging digital diplomacy, reinforcing bottom-up efforts."
)
COLLEGIUM = (
    "In October, the Foreign Ministry Collegium, a body composed of senior Ministry officials and"
    " charged with making decisions on major issues, joined by high-profile representatives of the"
    " Presidential Administration and Security Council held a meeting dedicated to the “tasks of"
    " improving information support for country’s foreign policy.”"
)
CONCEPT = (
    "Finally, in the new edition of Russia’s Foreign Policy Concept, approved on November 30, 2016,"
    " the line apparently referring to digital diplomacy was only slightly rephrased from the"
    " original one introduced in the 2013 edition, essentially remaining the same."
)
REVIEWS = (
    "As for the term “digital diplomacy”, albeit not officially defined, it has been used in"
    " Ministry’s past two annual reviews of foreign policy activities to describe Internet-related"
    " information work (see here: “The whole toolbox of digital diplomacy has been actively"
    " employed”)"
)
UNIT = (
    "the team within the Department of Information and Press (DIP) focusing on social media is"
    " called Digital Diplomacy Unit."
)
LEADERS_FIELD = (
    "Although a relative latecomer to digital diplomacy, over recent years Russian Foreign Ministry"
    " has quickly risen to become one of the leaders in this field."
)
AT_LEAST_ONE = (
    "The vast majority of Russian diplomatic missions does digital diplomacy and has at least one"
    " account on social media."
)
MODEST = (
    "However its impact is way more modest than one would expect judging by the number of"
    " followers."
)
SINCE_2014 = (
    "Since 2014, as relations between Russia and the West deteriorated first over Ukraine and later"
    " over Syria, opposition to the West has become a major topic of Foreign Ministry’s"
    " communications on social media."
)
ZAKHAROVA = (
    "This took different forms such as regular Facebook posts by Maria Zakharova, Director of DIP"
    " since summer 2015, that for instance criticize bias and unprofessionalism of Western media or"
    " mock Western officials for their anti-Russian statements."
)
END_2016 = (
    "Towards the end of 2016, as allegations of Russian interference in the U.S. presidential"
    " elections and campaign to spread “fake news” surfaced, Russia became a boogieman in the"
    " American domestic politics."
)
HASHTAG = (
    "Some embassies joined the #RussiansDidIt hashtag ridiculing blame game in the United States."
)
FEB_2017 = (
    "In February 2017, in line with Putin’s call “to counter lies about Russia” the Ministry"
    " launched a special section on its website to rebut “fake news” about Russia."
)
GUMENSKY = (
    "Anton Gumensky, professor at the Foreign Ministry-affiliated MGIMO University, summed up"
    " reactions to Ministry’s controversial farewell tweet addressed in 2014 to outgoing U.S."
    " Ambassador Michael McFaul:"
)
SPLIT = (
    "“The readership of that public correspondence split in two: some found the Russian diplomats’"
    " reply witty, original, and to the point, while others said it was inadequate, rude, and"
    " inappropriate.”"
)
BYKOV = (
    "Last year she reiterated this in a poetic form in response to Dmitry Bykov, a well-known"
    " writer and opposition figure, who wrote in a poem that the style of Ministry’s spokesperson"
    " was fit for alleys."
)
INSTAGRAM = "In June 2016, Foreign Ministry’s official Instagram account was launched."
INSTAGRAM_NOW = "This official account now has 38,100 subscribers."
EMBASSY_INSTAGRAM = (
    "Several embassies have their accounts, but they haven’t been really active and have not more"
    " than 150 subscribers – with the exception of the account of the Russian Embassy in Kuwait"
    " which has more than 1,200 subscribers."
)
RU_MEETING = (
    "20 сентября «на полях» 71-й сессии Генеральной Ассамблеи ООН в Нью-Йорке состоялась встреча"
    " С.В.Лаврова с Министром иностранных дел и по делам Содружества Великобритании Б.Джонсоном."
)
RU_PUTIN_MAY = (
    "Касаясь двустороннего досье, министры обсудили перспективы активизации российско-британских"
    " контактов на различных уровнях в развитие позитивного имульса, приданного этому процессу"
    " встречей Президента Российской Федерации В.В.Путина с Премьер-министром Великобритании"
    " Т.Мэй 4 сентября с.г. в г.Ханчжоу «на полях» саммита «Группы двадцати»."
)
IG_CREDIT = "A post shared by МИД России / Russia's MFA (@mfarussia) on"
TELEGRAM = (
    "Another new media the Foreign Ministry explored is Telegram, a messaging app developed by the"
    " founder of VK Pavel Durov."
)
CHANNEL = (
    "The Ministry launched their channel run in Russian in early November, so far they have 2,300"
    " subscribers."
)
STICKERS = (
    "The Foreign Ministry also released two in-house made sticker sets for Telegram featuring"
    " meme-styled images related to Russian diplomacy."
)
LIVESTREAM = (
    "In addition to uploading longer recordings from official meetings and short clips to"
    " Ministry’s YouTube channel, DIP now livestreams weekly briefings by Ministry’s spokesperson"
    " and Minister’s press conferences to three platforms: Periscope, Facebook, and VK."
)
TEXT_VIDEOS = (
    "Last year, it also started in-house production of shorter text videos, yet there is much room"
    " for improvement."
)
DOMESTIC = (
    "Some interesting developments within Russian digital diplomacy in 2016 were addressed to"
    " domestic audiences."
)
APP = "In August the Foreign Ministry has presented its mobile app named Foreign Assistant."
APP_BETA = (
    "Through this app – developed under the guidance of Ministry’s Crisis Management Centre and"
    " available in beta-version since 2014 – Russian nationals travelling abroad can communicate"
    " with diplomats, receive notifications of emergency situations, and get useful information"
    " about countries they visit."
)
APP_INSTALLED = (
    "According to the head of the Crisis Management Centre, by February 2017, the app has been"
    " installed by more than 40,000 people."
)
VK_PAGE = (
    "Ministry’s official page on VK, the most popular social media site in Russia and some"
    " neighboring states, was launched in 2015, when Foreign Minister Sergey Lavrov visited"
    " company’s headquarters in Saint-Petersburg."
)
EGYPT = (
    "Later that year after the flight suspension between Russia and Egypt, the Foreign Ministry"
    " requested VK’s assistance to notify Russian tourists in Egypt about evacuation details."
)
EGYPT_USERS = (
    "VK sent out Ministry’s message to more than 20,000 users who got online from the territory of"
    " Egypt during previous two weeks."
)
TURKEY = (
    "At the time of attempted coup in Turkey in July 2016, the Ministry in the same way notified"
    " via VK 15,000 Russian-speaking users in that country providing contact information of the"
    " Russian Embassy and Consulates General and cautioning them to stay indoors."
)
QA = (
    "Other noteworthy cases on VK include holding a live Q&A video-session with Maria Zakharova and"
    " a quiz organized in partnership with YotaPhone, a mobile phone developed by a Russian"
    " company."
)
LOWY = (
    "According to Lowy’s Global Diplomacy Index, with 243 posts abroad Russia has the fourth"
    " largest diplomatic network in the world."
)
MOST_POPULAR = (
    "Twitter is the most popular tool among Russian digital diplomats followed by Facebook."
)
STORIFY = "Storify and YouTube are also widely used."
COUPLE = "Over past couple of yeas these problems have become less common."
AVERAGE = "Now, an average mission has between 1,000 and 3,000 followers on Twitter."
FIFTEEN = (
    "There are 15 missions that have more than 5,000 followers and 6 of them have more than 10,000"
    " followers"
)
NATO = (
    "At the very top of this list is the Permanent Mission of Russia to NATO with 652,000 followers"
    " making it the most followed diplomatic mission on Twitter globally, according to Twiplomacy"
    " Study 2016."
)
NATO_42 = "In 2016, its most popular tweet was retweeted only 42 times."
UK = (
    "Second by the number of followers (46,600), but unquestionably first by its impact is the"
    " Russian Embassy in the United Kingdom run by former head of DIP Alexander Yakovenko, who also"
    " has his popular personal account."
)
UK_RETWEETS = (
    "Over past two years Embassy garnered hundreds and thousands of retweets regularly making"
    " headlines."
)
LAME_DUCK = (
    "Its provocative “lame duck” tweet, posted at the very end of 2016, has become one of most"
    " shared messages produced by Russian digital diplomats with more than 22,000 retweets."
)
JAPAN = "Third in this list is the Russian Embassy in Japan."
JAPANESE = (
    "It tweets almost exclusively in Japanese save for retweets and puts strong emphasis on"
    " promoting Russian culture."
)
CAFE = (
    "For instance, Embassy’s most retweeted tweet in 2016 featured a video about two students from"
    " Moscow opening a Russian café in Tokyo."
)
THREE_OTHER = (
    "Three other accounts in the above 10,000 group in descending order are missions to the United"
    " States, the United Nations, and Turkey."
)
QUADRUPLING = (
    "The Russian Embassy to the United States made great progress in 2016 more than quadrupling"
    " the number of its followers."
)
WEIBO = (
    "The Russian Embassy in China is not on Twitter, but its page on Weibo is the tenth most"
    " popular among all embassies registered on that social media site."
)
LEADERS = (
    "The list of Russian digital diplomacy leaders would be incomplete without Russian embassies in"
    " South Africa, UAE and the General Consulate in Geneva whose content is widely shared within"
    " Russian diplomatic network and beyond."
)


def rounded(quantity: Quantity, unit: float) -> Quantity:
    """*quantity* as a figure the text rounds to *unit* ("38,100": to the hundred)."""
    return attrs.evolve(quantity, rounded_to=unit)


def annotate(d: Document) -> None:
    """Declare everything the review says."""
    t = d.time
    # The Ministry's posts are quoted in Russian: their statements say so from the first citation.
    d.st(RU_MEETING, language="ru")
    d.st(RU_PUTIN_MAY, language="ru")
    y2016 = t("2016", "2016")
    now = span("2017-02/2017-12", expression="now", relative_to=d.relative_to)
    published = span("2017-02/2017-12", expression="February 2017 … Last year")
    # -- who ------------------------------------------------------------------
    sodd = d.actor(
        "sodd16",
        "media_outlet",
        "sodd16.com",
        description="The State of Digital Diplomacy 2016 site that carried the review.",
    )
    csr = d.actor(
        "center-for-strategic-research",
        "think_tank",
        "Center for Strategic Research",
        evidence=d.ev(BYLINE),
    )
    shakirov = d.actor(
        "oleg-shakirov",
        "person",
        "Oleg Shakirov",
        roles=[d.role("Expert on Foreign Policy and Security", csr, now, BYLINE)],
        evidence=d.ev(TITLE, BYLINE),
    )
    putin = d.actor(
        "vladimir-putin",
        "person",
        "Vladimir Putin",
        names=[("Vladimir Putin", "en", None), ("В.В.Путин", "ru", None)],
        roles=[d.role("President of Russia", RUSSIA, y2016, PUTIN_JUNE, RU_PUTIN_MAY)],
        evidence=d.ev(PUTIN_JUNE),
    )
    collegium = d.actor(
        "russian-mfa-collegium",
        "government_body",
        "Foreign Ministry Collegium",
        description="A body of senior Ministry officials charged with making"
        " decisions on major issues.",
        evidence=d.ev(COLLEGIUM),
    )
    pres_admin = d.actor(
        "presidential-administration",
        "head_of_state_office",
        "Presidential Administration of Russia",
        evidence=d.ev(COLLEGIUM),
    )
    security_council = d.actor(
        "security-council-of-russia",
        "security_council",
        "Security Council of Russia",
        evidence=d.ev(COLLEGIUM),
    )
    dip = d.actor(
        "russian-mfa-dip",
        "department",
        "Department of Information and Press",
        aliases=["DIP"],
        evidence=d.ev(UNIT),
    )
    unit = d.actor(
        "digital-diplomacy-unit",
        "department",
        "Digital Diplomacy Unit",
        description="The team within DIP focusing on social media.",
        evidence=d.ev(UNIT),
    )
    zakharova = d.actor(
        "maria-zakharova",
        "person",
        "Maria Zakharova",
        roles=[
            d.role("Director of DIP", dip, t("since summer 2015", "2015-22/.."), ZAKHAROVA),
            d.role("spokesperson", RUSSIAN_MFA, y2016, BYKOV, LIVESTREAM),
        ],
        evidence=d.ev(ZAKHAROVA),
    )
    gumensky = d.actor(
        "anton-gumensky",
        "person",
        "Anton Gumensky",
        roles=[d.role("professor", "actor:mgimo", now, GUMENSKY)],
        evidence=d.ev(GUMENSKY),
    )
    d.actor(
        "mgimo",
        "university",
        "MGIMO University",
        description="Foreign Ministry-affiliated university.",
        evidence=d.ev(GUMENSKY),
    )
    mcfaul = d.actor(
        "michael-mcfaul",
        "person",
        "Michael McFaul",
        roles=[d.role("U.S. Ambassador to Russia", USA, span("../2014"), GUMENSKY)],
        evidence=d.ev(GUMENSKY),
    )
    d.actor(
        "carl-bildt",
        "person",
        "Carl Bildt",
        description="Named among the first comers to digital diplomacy.",
        evidence=d.ev(
            "Maria Zakharova’s position has long been that an informal and sharp"
            " style of digital diplomacy has been set by the first comers to this"
            " field such as Carl Bildt and Internet users in general, and Russia"
            " simply adopted it to be competitive on the web."
        ),
    )
    bykov = d.actor(
        "dmitry-bykov",
        "person",
        "Dmitry Bykov",
        description="A well-known writer and opposition figure.",
        evidence=d.ev(BYKOV),
    )
    d.actor(
        "east-stratcom-task-force",
        "international_organization",
        "EU East Stratcom Task Force",
        evidence=d.ev(
            "In response to criticism, it later implied that the new initiative was"
            " inspired by “similar projects by Euro-Atlantic organisations” –"
            " apparently a reference to the EU East Stratcom Task Force."
        ),
    )
    instagram = d.actor("instagram", "platform", "Instagram", evidence=d.ev(INSTAGRAM))
    telegram = d.actor(
        "telegram", "app", "Telegram", description="A messaging app.", evidence=d.ev(TELEGRAM)
    )
    vk = d.actor(
        "vk",
        "platform",
        "VK",
        aliases=["VKontakte"],
        description="The most popular social media site in Russia.",
        evidence=d.ev(
            VK_PAGE, "The Foreign Ministry has also used VK or VKontakte for mass notification."
        ),
    )
    facebook = d.actor("facebook", "platform", "Facebook", evidence=d.ev(MOST_POPULAR))
    d.actor("youtube", "platform", "YouTube", evidence=d.ev(STORIFY))
    d.actor("storify", "platform", "Storify", evidence=d.ev(STORIFY))
    d.actor("periscope", "platform", "Periscope", evidence=d.ev(LIVESTREAM))
    weibo = d.actor("weibo", "platform", "Weibo", evidence=d.ev(WEIBO))
    durov = d.actor(
        "pavel-durov",
        "person",
        "Pavel Durov",
        roles=[d.role("founder", vk, None, TELEGRAM)],
        evidence=d.ev(TELEGRAM),
    )
    lavrov = d.actor(
        "sergey-lavrov",
        "person",
        "Sergey Lavrov",
        names=[("Sergey Lavrov", "en", None), ("С.В.Лавров", "ru", None)],
        roles=[d.role("Foreign Minister", RUSSIAN_MFA, t("in 2015", "2015"), VK_PAGE)],
        evidence=d.ev(VK_PAGE, RU_MEETING),
    )
    johnson = d.actor(
        "boris-johnson",
        "person",
        "Boris Johnson",
        names=[("Б.Джонсон", "ru", None)],
        roles=[
            d.role(
                "Foreign Secretary of the United Kingdom", "actor:united-kingdom", y2016, RU_MEETING
            )
        ],
        evidence=d.ev(RU_MEETING),
    )
    may = d.actor(
        "theresa-may",
        "person",
        "Theresa May",
        names=[("Т.Мэй", "ru", None)],
        roles=[
            d.role(
                "Prime Minister of the United Kingdom", "actor:united-kingdom", y2016, RU_PUTIN_MAY
            )
        ],
        evidence=d.ev(RU_PUTIN_MAY),
    )
    uk = UNITED_KINGDOM
    lowy = d.actor("lowy-institute", "think_tank", "Lowy Institute", evidence=d.ev(LOWY))
    twiplomacy = d.actor("twiplomacy", "organization", "Twiplomacy", evidence=d.ev(NATO))
    crisis_centre = d.actor(
        "russian-mfa-crisis-management-centre",
        "department",
        "Crisis Management Centre of the Russian Foreign Ministry",
        evidence=d.ev(APP_BETA),
    )
    crisis_head = d.actor(
        "head-of-crisis-management-centre",
        "person",
        "Head of the Crisis Management Centre (not named)",
        roles=[d.role("head", crisis_centre, now, APP_INSTALLED)],
    )
    app = d.actor(
        "foreign-assistant",
        "app",
        "Foreign Assistant",
        description="The Russian Foreign Ministry's mobile app for Russians abroad.",
        evidence=d.ev(APP),
    )
    mfa_instagram = d.actor(
        "mfarussia-instagram",
        "account",
        "МИД России / Russia's MFA",
        platform="instagram",
        handle="@mfarussia",
        operated_by=RUSSIAN_MFA,
        identifiers=[("instagram", "@mfarussia")],
        evidence=d.ev(INSTAGRAM, IG_CREDIT),
    )
    mfa_telegram = d.actor(
        "russian-mfa-telegram",
        "channel",
        "Russian Foreign Ministry on Telegram",
        platform="telegram",
        operated_by=RUSSIAN_MFA,
        evidence=d.ev(CHANNEL),
    )
    mfa_vk = d.actor(
        "russian-mfa-vk",
        "account",
        "Russian Foreign Ministry on VK",
        platform="vk",
        operated_by=RUSSIAN_MFA,
        evidence=d.ev(VK_PAGE),
    )
    network = d.actor(
        "russian-diplomatic-network",
        "organization",
        "Russia's diplomatic missions",
        description="Russia's embassies, consulates and permanent missions abroad.",
        evidence=d.ev(LOWY, AVERAGE),
    )
    # The populations the text ranks (Rank values name them as their ranking's ``of``).
    lowy_countries = d.actor(
        "countries-in-lowy-global-diplomacy-index",
        "group",
        "Countries in Lowy's Global Diplomacy Index",
        description="The countries whose diplomatic networks the index compares.",
        evidence=d.ev(LOWY),
    )
    missions_on_twitter = d.actor(
        "diplomatic-missions-on-twitter",
        "group",
        "Diplomatic missions on Twitter",
        description="Diplomatic missions of every country, with a Twitter account.",
        evidence=d.ev(NATO),
    )
    embassies_on_weibo = d.actor(
        "embassies-on-weibo",
        "group",
        "Embassies registered on Weibo",
        evidence=d.ev(WEIBO),
    )
    syria = d.actor("syria", "country", "Syria", evidence=d.ev(SINCE_2014))

    def mission(slug: str, name: str, quote: str, handle_note: str = "") -> tuple[str, str]:
        m = d.actor(slug, "diplomatic_mission", name, evidence=d.ev(quote))
        acct = d.actor(
            f"{slug}-twitter",
            "account",
            f"{name} on Twitter",
            platform="twitter",
            operated_by=m,
            description=handle_note or None,
            evidence=d.ev(quote),
        )
        return m, acct

    nato, nato_tw = mission("russian-mission-to-nato", "Permanent Mission of Russia to NATO", NATO)
    uk_emb, uk_tw = mission("russian-embassy-uk", "Russian Embassy in the United Kingdom", UK)
    japan, japan_tw = mission("russian-embassy-japan", "Russian Embassy in Japan", JAPAN)
    us_emb, us_tw = mission(
        "russian-embassy-usa", "Russian Embassy in the United States", THREE_OTHER
    )
    un, un_tw = mission(
        "russian-mission-to-un", "Permanent Mission of Russia to the United Nations", THREE_OTHER
    )
    tr, tr_tw = mission("russian-embassy-turkey", "Russian Embassy in Turkey", THREE_OTHER)
    kuwait = d.actor(
        "russian-embassy-kuwait",
        "diplomatic_mission",
        "Russian Embassy in Kuwait",
        evidence=d.ev(EMBASSY_INSTAGRAM),
    )
    kuwait_ig = d.actor(
        "russian-embassy-kuwait-instagram",
        "account",
        "Russian Embassy in Kuwait on Instagram",
        platform="instagram",
        operated_by=kuwait,
        evidence=d.ev(EMBASSY_INSTAGRAM),
    )
    china = d.actor(
        "russian-embassy-china",
        "diplomatic_mission",
        "Russian Embassy in China",
        evidence=d.ev(WEIBO),
    )
    china_weibo = d.actor(
        "russian-embassy-china-weibo",
        "account",
        "Russian Embassy in China on Weibo",
        platform="weibo",
        operated_by=china,
        evidence=d.ev(WEIBO),
    )
    for slug, name in (
        ("russian-embassy-south-africa", "Russian Embassy in South Africa"),
        ("russian-embassy-uae", "Russian Embassy in the UAE"),
        ("russian-consulate-geneva", "General Consulate of Russia in Geneva"),
    ):
        d.actor(slug, "diplomatic_mission", name, evidence=d.ev(LEADERS))
    yakovenko = d.actor(
        "alexander-yakovenko",
        "person",
        "Alexander Yakovenko",
        roles=[
            d.role("head of the embassy", uk_emb, now, UK),
            d.role("Director of DIP", dip, span("../2016", expression="former"), UK),
        ],
        evidence=d.ev(UK),
    )
    yakovenko_tw = d.actor(
        "alexander-yakovenko-twitter",
        "account",
        "Alexander Yakovenko on Twitter",
        platform="twitter",
        operated_by=yakovenko,
        evidence=d.ev(UK),
    )
    d.source(
        title="Russian Digital Diplomacy in 2016",
        authors=[shakirov],
        publisher=sodd,
        url="http://www.sodd16.com/russian-digital-diplomacy-in-2016-oleg-shakirov/",
        published=published,
        language="en",
        kind="analysis",
        extensions={
            "x-published-note": "The text has no date: it reports February 2017 and"
            " calls 2016 'last year', so it appeared in 2017, from February."
        },
    )
    _events_and_claims(d, locals())


def _events_and_claims(d: Document, a: dict[str, object]) -> None:
    """Events and claims of the review; *a* holds the actor ids and times of :func:`annotate`."""
    t, c = d.time, d.claim
    s = {k: v for k, v in a.items() if isinstance(v, str)}
    y2016, now, published = a["y2016"], a["now"], a["published"]
    assert isinstance(y2016, TimeSpan) and isinstance(now, TimeSpan)
    assert isinstance(published, TimeSpan)
    d.event(
        "shakirov-publication",
        "publication",
        time=published,
        participants=[(s["sodd"], "publisher"), (s["shakirov"], "author")],
        about=[SOURCE],
        description="The review is published.",
        evidence=[TITLE, FEB_2017, BYKOV],
    )
    ambassadors_2016 = d.event(
        "meeting-of-ambassadors-2016",
        "meeting",
        time=t("in late June", "2016-06-21~/2016-06-30", relative=True),
        participants=[(s["putin"], "participant"), (RUSSIAN_MFA, "organizer")],
        description="Putin speaks at the Meeting of Russian Federation Ambassadors and Permanent"
        " Envoys.",
        evidence=[PUTIN_JUNE, SAW],
    )
    d.event(
        "meeting-of-ambassadors-2012",
        "meeting",
        time=t("in 2012", "2012"),
        participants=[(s["putin"], "participant"), (RUSSIAN_MFA, "organizer")],
        description="Putin's reported remarks at the 2012 meeting on promoting Russian"
        " positions with new technologies.",
        evidence=[BIENNIAL],
    )
    c(
        "ambassador-meetings-biennial",
        None,
        None,
        None,
        proposition=Proposition(
            text="Such meetings are held biennially.",
            about=["event:meeting-of-ambassadors-2016", "event:meeting-of-ambassadors-2012"],
        ),
        text="The meetings of Russian ambassadors are held every two years.",
        evidence=[BIENNIAL],
    )
    putin_quotes = [
        "Our diplomats understand, of course, how important the battle to influence public"
        " opinion and shape the public mood is these days.",
        "We have given these issues much attention over recent years.",
        "However, today, as we face a growing barrage of information attacks unleashed against"
        " Russia by some of our so-called partners, we need to make even greater efforts in this"
        " direction.",
        "We are living in an information age, and the old saying that whoever controls"
        " information controls the world unquestionably sums up today’s reality.",
        "We must put up strong resistance to the Western media’s information monopoly, including by"
        " using all available methods to support Russian media outlets operating abroad.",
        "Of course, we must also act to counter lies about Russia and not allow falsifications of"
        " history.",
    ]
    # Putin's address, proposition by proposition: what he says about the West and Russia.
    putin_says = (
        (
            "putin-information-attacks",
            "Russia faces a growing barrage of information attacks unleashed against it by some"
            " of its so-called partners.",
            "Putin says Russia faces growing information attacks from its so-called partners.",
            putin_quotes[:3],
        ),
        (
            "putin-western-media-monopoly",
            "Russia must put up strong resistance to the Western media's information monopoly,"
            " including by supporting Russian media outlets operating abroad.",
            "Putin says Russia must resist the Western media's information monopoly.",
            putin_quotes[3:5],
        ),
        (
            "putin-counter-lies",
            "Russia must counter lies about Russia and not allow falsifications of history.",
            "Putin says Russia must counter lies about Russia.",
            putin_quotes[5:],
        ),
    )
    for slug, words, sentence, quotes in putin_says:
        c(
            slug,
            None,
            None,
            None,
            proposition=Proposition(text=words, about=[THE_WEST, RUSSIA]),
            speaker=s["putin"],
            mode="quotes",
            qualifiers={"event": ambassadors_2016},
            text=sentence,
            evidence=quotes,
        )
    collegium_meeting = d.event(
        "mfa-collegium-2016-10",
        "meeting",
        time=t("In October", "2016-10", relative=True),
        participants=[
            (s["collegium"], "organizer"),
            (s["pres_admin"], "participant"),
            (s["security_council"], "participant"),
        ],
        description="The Foreign Ministry Collegium meets on information support for foreign"
        " policy.",
        evidence=[COLLEGIUM],
    )
    no_mention = (
        "President’s address and the press-release of the Collegium meeting do not"
        " explicitly mention digital diplomacy."
    )
    collegium_release = d.event(
        "mfa-collegium-press-release",
        "press_release",
        time=t("In October", "2016-10", relative=True),
        participants=[(s["collegium"], "author")],
        about=[collegium_meeting],
        description="The press release of the Collegium meeting.",
        evidence=[no_mention],
    )
    c(
        "address-and-release-mention-digital-diplomacy",
        None,
        None,
        None,
        proposition=Proposition(
            text="Putin's address and the Collegium's press release explicitly mention digital"
            " diplomacy.",
            about=[ambassadors_2016, collegium_release],
        ),
        negated=True,
        text="Neither Putin's address nor the Collegium's press release explicitly mentions"
        " digital diplomacy; they guide information support in general.",
        evidence=[
            no_mention,
            "They rather serve as guidance for information support in general, which includes"
            " digital diplomacy.",
        ],
    )
    collegium_quotes = [
        "In a similar manner as in the President’s address, the Collegium linked information to"
        " security: “[T]he current stage of development of international relations is characterized"
        " by the widespread use of information technologies as a means of influencing public"
        " consciousness for political and other purposes.",
        "Thus, the media sphere has become an arena for the conduct of aggressive information"
        " campaigns, which is clearly manifested in the Western approach towards Russia.”",
    ]
    c(
        "collegium-aggressive-campaigns",
        THE_WEST,
        "characterized_as",
        "the media sphere has become an arena for the conduct of aggressive information campaigns,"
        " which is clearly manifested in the Western approach towards Russia",
        speaker=s["collegium"],
        mode="quotes",
        qualifiers={"event": collegium_meeting},
        text="The Collegium says the West conducts aggressive information campaigns against"
        " Russia.",
        evidence=collegium_quotes,
    )
    west_goals = (
        "Arguing that the goals of the West are to discredit Russia and its foreign policy"
        " and to destabilize the country, the Collegium concluded that the “the priority"
        " task is to respond effectively and in a timely manner to important news stories,"
        " to do pre-emptive work.”"
    )
    c(
        "collegium-west-goals",
        None,
        None,
        None,
        proposition=Proposition(
            text="The goals of the West are to discredit Russia and its foreign policy and to"
            " destabilize the country.",
            about=[THE_WEST, RUSSIA],
        ),
        speaker=s["collegium"],
        mode="paraphrases",
        qualifiers={"event": collegium_meeting},
        text="The Collegium argues the West aims to discredit and destabilize Russia.",
        evidence=[west_goals],
    )
    c(
        "collegium-priority-task",
        None,
        None,
        None,
        proposition=Proposition(
            text="The priority task is to respond effectively and in a timely manner to"
            " important news stories, to do pre-emptive work.",
            about=[RUSSIAN_MFA],
        ),
        speaker=s["collegium"],
        mode="quotes",
        qualifiers={"event": collegium_meeting},
        text="The Collegium sets responding quickly to news stories as the priority task.",
        evidence=[west_goals],
    )
    concept_2016 = d.event(
        "foreign-policy-concept-2016",
        "adoption",
        time=t("November 30, 2016", "2016-11-30"),
        participants=[(RUSSIA, "agent")],
        description="Russia approves a new edition of its Foreign Policy Concept.",
        evidence=[CONCEPT],
    )
    d.event(
        "foreign-policy-concept-2013",
        "adoption",
        time=t("the 2013 edition"),
        participants=[(RUSSIA, "agent")],
        description="The 2013 edition of the Foreign Policy Concept.",
        evidence=[CONCEPT],
    )
    c(
        "concept-ict-line",
        None,
        None,
        None,
        proposition=Proposition(
            text="New information and communication technology is used to this end.",
            about=[concept_2016, RUSSIA],
        ),
        speaker=RUSSIA,
        mode="quotes",
        qualifiers={"event": concept_2016},
        text="The Foreign Policy Concept says new information technology is used for information"
        " support.",
        evidence=[
            "Following a description of objectives related to information"
            " support it reads: “New information and communication technology"
            " is used to this end.”"
        ],
    )
    c(
        "mfa-reviews-toolbox",
        None,
        None,
        None,
        proposition=Proposition(
            text="The whole toolbox of digital diplomacy has been actively employed.",
            about=[RUSSIAN_MFA],
        ),
        speaker=RUSSIAN_MFA,
        mode="quotes",
        as_of=span("2015/2016", expression="past two annual reviews"),
        text="The ministry's past two annual reviews say the toolbox of digital diplomacy has been"
        " used.",
        evidence=[REVIEWS],
    )
    c(
        "dip-digital-diplomacy-unit",
        s["unit"],
        "parent_organization",
        s["dip"],
        text="The Digital Diplomacy Unit is a team within DIP.",
        evidence=[UNIT],
    )
    c(
        "mfa-digital-leader",
        RUSSIAN_MFA,
        "characterized_as",
        "one of the leaders in digital diplomacy, although a relative latecomer",
        as_of=span("2013/2016", expression="over recent years"),
        text="The Russian Foreign Ministry has become one of the leaders in digital diplomacy.",
        evidence=[LEADERS_FIELD],
    )
    c(
        "west-opposition-since-2014",
        RUSSIAN_MFA,
        "topic",
        "opposition to the West",
        as_of=t("Since 2014", "2014/.."),
        text="Since 2014 opposition to the West is a major topic of the ministry's social media.",
        evidence=[SINCE_2014],
    )
    c(
        "russia-west-relations-deteriorated",
        None,
        None,
        None,
        proposition=Proposition(
            text="Relations between Russia and the West deteriorated, first over Ukraine and"
            " later over Syria.",
            about=[RUSSIA, THE_WEST, UKRAINE, s["syria"]],
        ),
        as_of=t("Since 2014", "2014/.."),
        text="Since 2014 relations between Russia and the West worsened, first over Ukraine,"
        " then over Syria.",
        evidence=[SINCE_2014],
    )
    c(
        "zakharova-facebook",
        s["zakharova"],
        "topic",
        "regular Facebook posts criticizing Western media and mocking Western officials",
        qualifiers={"platform": s["facebook"]},
        text="Maria Zakharova regularly posts on Facebook against Western media and officials.",
        evidence=[ZAKHAROVA],
    )
    d.event(
        "russiansdidit-hashtag",
        "campaign",
        time=t("Towards the end of 2016", "2016-09~/2016-12"),
        participants=[(s["network"], "agent"), (TWITTER, "platform")],
        description="Russian embassies join the #RussiansDidIt hashtag.",
        evidence=[END_2016, HASHTAG],
    )
    fake_news = d.event(
        "mfa-fake-news-section",
        "publication",
        time=t("In February 2017", "2017-02"),
        participants=[(RUSSIAN_MFA, "publisher")],
        description="The Ministry launches a section on its website to rebut"
        " fake news about Russia.",
        evidence=[FEB_2017],
    )
    c(
        "fake-news-section-inspiration",
        fake_news,
        "characterized_as",
        "inspired by similar projects by Euro-Atlantic organisations",
        speaker=RUSSIAN_MFA,
        mode="quotes",
        text="The ministry implied its fake-news section copies Euro-Atlantic projects.",
        evidence=[
            "In response to criticism, it later implied that the new initiative"
            " was inspired by “similar projects by Euro-Atlantic organisations”"
            " – apparently a reference to the EU East Stratcom Task Force."
        ],
    )
    mcfaul_tweet = d.event(
        "mfa-mcfaul-farewell-tweet",
        "tweet",
        time=t("in 2014", "2014"),
        participants=[(RUSSIAN_MFA, "agent"), (s["mcfaul"], "target"), (TWITTER, "platform")],
        description="The Ministry's farewell tweet to outgoing U.S. Ambassador Michael McFaul.",
        evidence=[GUMENSKY],
    )
    c(
        "gumensky-split-in-two",
        mcfaul_tweet,
        "characterized_as",
        "The readership of that public correspondence split in two",
        speaker=s["gumensky"],
        mode="quotes",
        text="Gumensky says readers split in two over the McFaul farewell tweet.",
        evidence=[GUMENSKY, SPLIT],
    )
    bykov_poem = d.event(
        "bykov-poem",
        "publication",
        time=span("../2016"),
        participants=[(s["bykov"], "author")],
        description="Dmitry Bykov writes a poem saying the spokesperson's style is fit for alleys.",
        evidence=[BYKOV],
    )
    d.event(
        "zakharova-poem-reply",
        "statement",
        time=t("Last year", "2016", relative=True),
        participants=[(s["zakharova"], "speaker"), (s["bykov"], "target")],
        about=[bykov_poem],
        description="Zakharova replies to Bykov in verse.",
        evidence=[BYKOV],
    )
    d.event(
        "mfa-instagram-launch",
        "account_launch",
        time=t("In June 2016", "2016-06"),
        participants=[
            (RUSSIAN_MFA, "agent"),
            (s["mfa_instagram"], "subject"),
            (s["instagram"], "platform"),
        ],
        description="The Ministry's official Instagram account is launched.",
        evidence=[INSTAGRAM],
    )
    c(
        "mfa-instagram-subscribers",
        s["mfa_instagram"],
        "subscribers",
        rounded(d.qty("38,100 subscribers", "exact", 38100, "subscriber"), 100),
        as_of=now,
        text="The Ministry's Instagram account has 38,100 subscribers.",
        evidence=[INSTAGRAM_NOW],
    )
    # Each embassy's own Instagram account, not the network's: Kuwait is the exception.
    c(
        "embassy-instagram-subscribers",
        s["network"],
        "subscribers",
        d.qty("not more than 150 subscribers", "at_most", 150, "subscriber"),
        as_of=now,
        members=Members(scope="each", excluding=[s["kuwait"]]),
        qualifiers={"platform": s["instagram"]},
        text="Several embassies' Instagram accounts have no more than 150 subscribers each.",
        evidence=[EMBASSY_INSTAGRAM],
    )
    c(
        "kuwait-instagram-subscribers",
        s["kuwait_ig"],
        "subscribers",
        d.qty("more than 1,200 subscribers", "more_than", 1200, "subscriber"),
        as_of=now,
        text="The Russian Embassy in Kuwait's Instagram account has more than 1,200 subscribers.",
        evidence=[EMBASSY_INSTAGRAM],
    )
    un_session = d.event(
        "lavrov-johnson-meeting-2016-09-20",
        "meeting",
        time=t("20 сентября", "2016-09-20", relative=True, relative_to=dt.date(2016, 9, 20)),
        place="Нью-Йорк (New York), 71st session of the UN General Assembly",
        participants=[(s["lavrov"], "participant"), (s["johnson"], "participant")],
        description="Lavrov meets British Foreign Secretary Boris Johnson on the sidelines of the"
        " 71st UN General Assembly.",
        evidence=[RU_MEETING, IG_CREDIT],
    )
    # The venue, in the Ministry's words: where the meeting took place, not what it was about.
    c(
        "unga-session-71",
        None,
        None,
        None,
        proposition=Proposition(
            text="20 сентября «на полях» 71-й сессии Генеральной Ассамблеи ООН в Нью-Йорке"
            " состоялась встреча С.В.Лаврова с Б.Джонсоном.",
            about=[un_session, s["lavrov"], s["johnson"]],
            language="ru",
        ),
        text="The meeting took place at the 71st session of the UN General Assembly.",
        speaker=RUSSIAN_MFA,
        mode="quotes",
        original_language="ru",
        evidence=[RU_MEETING],
    )
    d.event(
        "putin-may-meeting-2016-09-04",
        "meeting",
        # "с.г." (сего года, "of this year"): the year of the press release of 20 September.
        time=t("4 сентября с.г.", relative=True, relative_to=dt.date(2016, 9, 20)),
        place="Ханчжоу (Hangzhou), G20 summit",
        participants=[(s["putin"], "participant"), (s["may"], "participant")],
        description="Putin meets British Prime Minister Theresa May at the G20 summit in Hangzhou.",
        evidence=[RU_PUTIN_MAY],
    )
    c(
        "mfa-digital-diplomacy-tool",
        None,
        None,
        None,
        proposition=Proposition(
            text="Digital diplomacy is a useful tool that allows reaching out to wide"
            " international audiences.",
            about=[RUSSIAN_MFA],
        ),
        speaker=RUSSIAN_MFA,
        mode="paraphrases",
        text="The Russian Foreign Ministry sees digital diplomacy as a useful tool for reaching"
        " international audiences.",
        evidence=[
            "The Russian Foreign Ministry sees digital diplomacy as a useful tool that allows"
            " reaching out to wide international audiences.",
        ],
    )
    c(
        "mfa-digital-diplomacy-information-support",
        None,
        None,
        None,
        proposition=Proposition(
            text="The Ministry considers digital diplomacy a part of Information Support for"
            " Foreign Policy Activities; its diplomats' main task now is to make it more"
            " effective.",
            about=[RUSSIAN_MFA],
        ),
        text="The Ministry counts digital diplomacy as part of its information support work.",
        evidence=[
            "Digital diplomacy is considered a part of Information Support for Foreign Policy"
            " Activities, a traditional ministerial term for press and public relations.",
            "As Russian diplomats have demonstrated the benefit of this new practice for"
            " advancement of foreign policy goals and feel quite experienced in it, their main"
            " task now is how to make digital diplomacy more effective.",
        ],
    )
    c(
        "mfa-laissez-faire",
        None,
        None,
        None,
        proposition=Proposition(
            text="The Foreign Ministry effectively adopted a laissez-faire approach in dealing"
            " with the West online, letting its diplomats experiment within the overall policy.",
            about=[RUSSIAN_MFA, THE_WEST],
        ),
        as_of=t("Since 2014", "2014/.."),
        text="The Foreign Ministry lets its diplomats experiment online against the West.",
        evidence=[
            "As a result, the Foreign Ministry effectively adopted a laissez-faire approach in"
            " dealing with the West online, allowing its diplomats to experiment as long as"
            " their message was in line with the overall policy."
        ],
    )
    c(
        "mfa-continuation-of-attacks",
        THE_WEST,
        "characterized_as",
        "a continuation of information attacks from the West",
        speaker=RUSSIAN_MFA,
        mode="paraphrases",
        as_of=t("Towards the end of 2016", "2016-09~/2016-12"),
        text="The Foreign Ministry saw the US allegations of interference as Western information"
        " attacks.",
        evidence=[
            END_2016,
            "This came as a surprise to some in Russia, but the"
            " Foreign Ministry considered that it was a continuation of"
            " information attacks from the West.",
        ],
    )
    c(
        "mfa-instagram-content",
        s["mfa_instagram"],
        "topic",
        "photos and short videos from meetings",
        as_of=now,
        text="The Ministry's Instagram mostly shows photos and short videos from meetings.",
        evidence=[
            "It mostly features photos and short videos from meetings, occasionally providing"
            " a behind-the-scene glimpse at diplomacy."
        ],
    )
    for code, name in (("ru", "Russian"), ("en", "English")):
        c(
            f"mfa-instagram-language-{code}",
            s["mfa_instagram"],
            "language",
            code,
            as_of=now,
            text=f"The Ministry's Instagram posts have a description in {name}.",
            evidence=[
                "A description in Russian is followed by the English translation, with"
                " thematic hashtags in both languages as well."
            ],
        )
    ru_topics = (
        "Стороны обменялись мнениями по актуальным вопросам международной повестки дня с"
        " упором на текущую ситуацию в Сирии и вокруг нее."
    )
    c(
        "lavrov-johnson-topics",
        None,
        None,
        None,
        proposition=Proposition(
            text=ru_topics, about=[un_session, s["lavrov"], s["johnson"], s["syria"]], language="ru"
        ),
        speaker=RUSSIAN_MFA,
        mode="quotes",
        original_language="ru",
        text="Lavrov and Johnson discussed international issues, above all Syria.",
        evidence=[
            d.st(ru_topics, language="ru"),
            d.st("#оон #ньюйорк #лавров #россия #великобритания", language="ru"),
        ],
    )
    _rest(d, s, y2016, now)


def _rest(d: Document, s: dict[str, str], y2016: TimeSpan, now: TimeSpan) -> None:
    """Telegram, video, the app, VK, and the missions."""
    t, c = d.time, d.claim
    d.event(
        "mfa-telegram-channel-launch",
        "channel_launch",
        time=t("in early November", "2016-11-01~/2016-11-10", relative=True),
        participants=[
            (RUSSIAN_MFA, "agent"),
            (s["mfa_telegram"], "subject"),
            (s["telegram"], "platform"),
        ],
        description="The Ministry launches its Telegram channel, in Russian.",
        evidence=[CHANNEL],
    )
    c(
        "mfa-telegram-subscribers",
        s["mfa_telegram"],
        "subscribers",
        rounded(d.qty("2,300 subscribers", "exact", 2300, "subscriber"), 100),
        as_of=now,
        text="The Ministry's Telegram channel has 2,300 subscribers.",
        evidence=[CHANNEL],
    )
    c(
        "telegram-founder",
        s["telegram"],
        "characterized_as",
        "a messaging app developed by the founder of VK Pavel Durov",
        qualifiers={"developer": s["durov"]},
        text="Telegram was developed by VK's founder Pavel Durov.",
        evidence=[TELEGRAM],
    )
    c(
        "telegram-iran",
        s["telegram"],
        "characterized_as",
        "the most popular messaging app in Iran",
        qualifiers={"place": "Iran"},
        text="Telegram is the most popular messaging app in Iran.",
        evidence=[
            "Telegram is also used by Russian diplomats abroad, in particular in Iran, where"
            " it has become the most popular messaging app."
        ],
    )
    d.event(
        "mfa-telegram-stickers",
        "publication",
        time=span("2016/2017-12"),
        participants=[(RUSSIAN_MFA, "publisher"), (s["telegram"], "target")],
        description="The Ministry releases two sticker sets for Telegram.",
        evidence=[STICKERS],
    )
    c(
        "dip-livestream-platforms",
        s["dip"],
        "platforms",
        d.qty("three platforms", "exact", 3, "platform"),
        as_of=now,
        text="DIP livestreams briefings on three platforms: Periscope, Facebook and VK.",
        evidence=[LIVESTREAM],
    )
    d.event(
        "dip-text-videos",
        "publication",
        time=t("Last year", "2016", relative=True),
        participants=[(s["dip"], "publisher")],
        description="DIP starts in-house production of short text videos.",
        evidence=[TEXT_VIDEOS],
    )
    c(
        "domestic-audiences-2016",
        None,
        None,
        None,
        proposition=Proposition(
            text="Some interesting developments within Russian digital diplomacy in 2016 were"
            " addressed to domestic audiences.",
            about=[RUSSIAN_MFA],
        ),
        as_of=y2016,
        text="Some Russian digital diplomacy in 2016 addressed domestic audiences.",
        evidence=[DOMESTIC],
    )
    d.event(
        "foreign-assistant-launch",
        "app_launch",
        time=t("In August", "2016-08", relative=True),
        participants=[(RUSSIAN_MFA, "agent"), (s["app"], "subject")],
        description="The Ministry presents its mobile app Foreign Assistant.",
        evidence=[APP, APP_BETA],
    )
    c(
        "foreign-assistant-beta",
        s["app"],
        "launched",
        t("since 2014", "2014/.."),
        qualifiers={"version": "beta", "developer": s["crisis_centre"]},
        text="Foreign Assistant has been available in beta since 2014.",
        evidence=[APP_BETA],
    )
    c(
        "foreign-assistant-installations",
        s["app"],
        "installations",
        d.qty("more than 40,000 people", "more_than", 40000, "installation"),
        as_of=t("by February 2017", "../2017-02"),
        speaker=s["crisis_head"],
        mode="reports",
        text="Foreign Assistant has been installed by more than 40,000 people by February 2017.",
        evidence=[APP_INSTALLED],
    )
    lavrov_visit_time = t("in 2015", "2015")
    lavrov_visit = d.event(
        "lavrov-visits-vk-2015",
        "visit",
        time=lavrov_visit_time,
        place="Saint-Petersburg",
        participants=[(s["lavrov"], "guest"), (s["vk"], "host")],
        description="Lavrov visits VK's headquarters.",
        evidence=[VK_PAGE],
    )
    d.event(
        "mfa-vk-launch",
        "account_launch",
        time=t("in 2015", "2015"),
        participants=[(RUSSIAN_MFA, "agent"), (s["mfa_vk"], "subject"), (s["vk"], "platform")],
        about=[lavrov_visit],
        description="The Ministry's official VK page is launched.",
        evidence=[VK_PAGE],
    )
    d.event(
        "russia-egypt-flight-suspension",
        "ban",
        # "that year" is the antecedent "in 2015" (Lavrov's visit).
        time=t("Later that year", relative=True, relative_to=lavrov_visit_time),
        participants=[(RUSSIA, "agent"), ("actor:egypt", "target")],
        description="Flights between Russia and Egypt are suspended.",
        evidence=[EGYPT],
    )
    d.actor("egypt", "country", "Egypt", evidence=d.ev(EGYPT))
    egypt_note = d.event(
        "vk-egypt-notification",
        "notification",
        time=span("2015"),
        participants=[(RUSSIAN_MFA, "sender"), (s["vk"], "agent")],
        description="VK sends the Ministry's evacuation message to users in Egypt.",
        evidence=[EGYPT, EGYPT_USERS],
    )
    c(
        "vk-egypt-recipients",
        egypt_note,
        "recipients",
        d.qty("more than 20,000 users", "more_than", 20000, "user"),
        qualifiers={"who": "users online from Egypt in the previous two weeks"},
        text="VK sent the Ministry's message to more than 20,000 users in Egypt.",
        evidence=[EGYPT_USERS],
    )
    d.event(
        "turkey-coup-attempt-2016",
        "coup_attempt",
        time=t("in July 2016", "2016-07"),
        place="Turkey",
        description="The attempted coup in Turkey.",
        evidence=[TURKEY],
    )
    turkey_note = d.event(
        "vk-turkey-notification",
        "notification",
        time=t("in July 2016", "2016-07"),
        participants=[(RUSSIAN_MFA, "sender"), (s["vk"], "agent")],
        description="The Ministry notifies Russian-speaking users in Turkey via VK.",
        evidence=[TURKEY],
    )
    c(
        "vk-turkey-recipients",
        turkey_note,
        "recipients",
        rounded(d.qty("15,000 Russian-speaking users", "exact", 15000, "user"), 1000),
        text="The Ministry notified 15,000 Russian-speaking users in Turkey via VK.",
        evidence=[TURKEY],
    )
    d.event(
        "zakharova-vk-qa",
        "briefing",
        time=span("2015/2017-12"),
        participants=[(s["zakharova"], "speaker")],
        description="A live Q&A video session with Maria Zakharova on VK.",
        evidence=[QA],
    )
    _missions(d, s, y2016, now)


def _missions(d: Document, s: dict[str, str], y2016: TimeSpan, now: TimeSpan) -> None:
    """The diplomatic network: its size, its tools, and what holds for its members."""
    c = d.claim
    c(
        "russia-posts-abroad",
        RUSSIA,
        "missions",
        d.qty("243 posts abroad", "exact", 243, "mission"),
        speaker=s["lowy"],
        mode="reports",
        as_of=now,
        text="Russia has 243 posts abroad, according to Lowy's Global Diplomacy Index.",
        evidence=[LOWY],
    )
    c(
        "russia-network-rank",
        RUSSIA,
        "rank",
        Rank(
            position=4,
            ranking=Ranking(of=s["lowy_countries"], measure="missions", as_of=now),
        ),
        speaker=s["lowy"],
        mode="reports",
        as_of=now,
        text="Russia has the fourth largest diplomatic network in the world.",
        evidence=[LOWY],
    )
    c(
        "twitter-most-popular",
        None,
        None,
        None,
        proposition=Proposition(
            text="Twitter is the most popular tool among Russian digital diplomats, followed by"
            " Facebook; Storify and YouTube are also widely used.",
            about=[s["network"], TWITTER, s["facebook"], "actor:storify", "actor:youtube"],
        ),
        as_of=now,
        text="Twitter is Russian diplomats' most popular tool, followed by Facebook.",
        evidence=[MOST_POPULAR, STORIFY],
    )
    c(
        "missions-accounts",
        s["network"],
        "accounts",
        d.qty("at least one account", "at_least", 1, "account"),
        as_of=now,
        members=Members(scope="most"),
        text="The vast majority of Russian missions have at least one social-media account.",
        evidence=[AT_LEAST_ONE],
    )
    heterogeneous = (
        "Yet, when it comes to how exactly diplomatic missions communicate online, this network"
        " is heterogeneous."
    )
    head_decides = (
        "Ultimately, it’s up to the head of each mission to decide how much to invest in"
        " digital diplomacy."
    )
    c(
        "network-heterogeneous",
        s["network"],
        "characterized_as",
        "heterogeneous, when it comes to how exactly diplomatic missions communicate online",
        as_of=now,
        text="Russian missions differ in how they communicate online.",
        evidence=[heterogeneous],
    )
    c(
        "mission-head-decides",
        None,
        None,
        None,
        proposition=Proposition(
            text="It is up to the head of each mission to decide how much to invest in digital"
            " diplomacy.",
            about=[s["network"]],
        ),
        as_of=now,
        text="The head of each Russian mission decides how much it invests in digital diplomacy.",
        evidence=[head_decides],
    )
    c(
        "problems-less-common",
        None,
        None,
        None,
        proposition=Proposition(
            text="The typical problems of less engaged missions have become less common.",
            about=[s["network"]],
        ),
        as_of=span("2015/2017", expression="Over past couple of yeas"),
        text="Problems of less engaged missions have become less common over the past two years.",
        evidence=[COUPLE],
    )
    c(
        "average-mission-followers",
        s["network"],
        "followers",
        d.qty(
            "between 1,000 and 3,000 followers", "between", None, "follower", lower=1000, upper=3000
        ),
        as_of=now,
        members=Members(scope="average"),
        qualifiers={"platform": TWITTER},
        text="An average Russian mission has between 1,000 and 3,000 Twitter followers.",
        evidence=[AVERAGE],
    )
    # "15 missions that have more than 5,000 followers and 6 of them more than 10,000":
    # two counts of the network's members, each under its condition; the 6 narrows the 15.
    over_5000 = c(
        "missions-over-5000",
        s["network"],
        "members",
        d.qty("15 missions", "exact", 15, "member"),
        as_of=now,
        where=Condition(
            property="followers",
            value=d.qty("more than 5,000 followers", "more_than", 5000, "follower"),
        ),
        qualifiers={"platform": TWITTER},
        text="15 Russian missions have more than 5,000 Twitter followers.",
        evidence=[FIFTEEN],
    )
    c(
        "missions-over-10000",
        s["network"],
        "members",
        d.qty("6 of them", "exact", 6, "member"),
        as_of=now,
        where=Condition(
            property="followers",
            value=d.qty("more than 10,000 followers", "more_than", 10000, "follower"),
        ),
        refines=over_5000,
        qualifiers={"platform": TWITTER},
        text="6 of those 15 Russian missions have more than 10,000 Twitter followers.",
        evidence=[FIFTEEN],
    )
    c(
        "leading-missions-shared",
        s["network"],
        "characterized_as",
        "among the leaders of Russian digital diplomacy, whose content is widely shared within"
        " the Russian diplomatic network and beyond",
        as_of=now,
        members=Members(
            scope="each",
            named=[
                "actor:russian-embassy-south-africa",
                "actor:russian-embassy-uae",
                "actor:russian-consulate-geneva",
            ],
        ),
        text="The Russian embassies in South Africa and the UAE and the Consulate General in"
        " Geneva lead Russian digital diplomacy.",
        evidence=[LEADERS],
    )
    _top_missions(d, s, y2016, now)


def _top_missions(d: Document, s: dict[str, str], y2016: TimeSpan, now: TimeSpan) -> None:
    """The most followed missions on Twitter, in the order the text ranks them."""
    c = d.claim
    # "this list": Russia's missions by their Twitter followers, the most followed first.
    by_followers = Ranking(of=s["network"], measure="followers", as_of=now)
    on_twitter = {"platform": TWITTER}
    c(
        "nato-mission-followers",
        s["nato_tw"],
        "followers",
        rounded(d.qty("652,000 followers", "exact", 652000, "follower"), 1000),
        as_of=now,
        text="The Permanent Mission of Russia to NATO has 652,000 Twitter followers.",
        evidence=[NATO],
    )
    c(
        "nato-mission-top-of-list",
        s["nato"],
        "rank",
        Rank(position=1, ranking=by_followers),
        as_of=now,
        qualifiers=on_twitter,
        text="The NATO mission is the most followed Russian mission on Twitter.",
        evidence=[NATO],
    )
    c(
        "nato-mission-rank",
        s["nato"],
        "rank",
        Rank(
            position=1,
            ranking=Ranking(of=s["missions_on_twitter"], measure="followers", as_of=y2016),
        ),
        speaker=s["twiplomacy"],
        mode="reports",
        as_of=y2016,
        qualifiers=on_twitter,
        text="Russia's NATO mission is the most followed diplomatic mission on Twitter.",
        evidence=[NATO],
    )
    c(
        "nato-mission-impact",
        s["nato_tw"],
        "characterized_as",
        "impact way more modest than one would expect judging by the number of followers",
        as_of=now,
        text="The NATO mission's impact is far smaller than its follower count suggests.",
        evidence=[MODEST],
    )
    nato_tweet = d.event(
        "nato-mission-top-tweet-2016",
        "tweet",
        time=d.time("In 2016", "2016"),
        participants=[(s["nato_tw"], "agent")],
        description="The NATO mission's most popular tweet of 2016.",
        evidence=[NATO_42],
    )
    c(
        "nato-top-tweet-retweets",
        nato_tweet,
        "retweets",
        d.qty("42 times", "exact", 42, "retweet"),
        as_of=y2016,
        text="The NATO mission's most popular 2016 tweet was retweeted 42 times.",
        evidence=[NATO_42],
    )
    _uk_embassy(d, s, now, by_followers)
    _japan_embassy(d, s, now, by_followers)
    _more_missions(d, s, y2016, now)


def _uk_embassy(d: Document, s: dict[str, str], now: TimeSpan, by_followers: Ranking) -> None:
    """Second by followers, first by impact: the Russian Embassy in the United Kingdom."""
    c = d.claim
    c(
        "uk-embassy-replies",
        s["uk_tw"],
        "characterized_as",
        "values interaction and frequently replies to other users on Twitter",
        as_of=now,
        text="The Russian Embassy in the UK often replies to other Twitter users.",
        evidence=[
            "The Embassy also values interaction and frequently replies to other users on Twitter."
        ],
    )
    c(
        "uk-embassy-followers",
        s["uk_tw"],
        "followers",
        rounded(d.qty("46,600", "exact", 46600, "follower"), 100),
        as_of=now,
        text="The Russian Embassy in the UK has 46,600 Twitter followers.",
        evidence=[UK],
    )
    c(
        "uk-embassy-rank",
        s["uk_emb"],
        "rank",
        Rank(position=2, ranking=by_followers),
        as_of=now,
        qualifiers={"platform": TWITTER},
        text="The UK embassy is second among Russian missions by Twitter followers.",
        evidence=[UK],
    )
    # "unquestionably" strengthens, it does not hedge: certain, the default, with no hedge.
    c(
        "uk-embassy-impact-rank",
        s["uk_emb"],
        "rank",
        Rank(position=1, ranking=Ranking(of=s["network"], measure="impact", as_of=now)),
        as_of=now,
        qualifiers={"platform": TWITTER},
        text="The UK embassy is unquestionably first among Russian missions by its impact.",
        evidence=[UK],
    )
    c(
        "uk-embassy-retweets",
        s["uk_tw"],
        "retweets",
        d.qty("hundreds and thousands of retweets", "at_least", 200, "retweet"),
        # "regularly" goes with "making headlines", not with the retweets: the figure is what
        # the embassy garnered over the two years, not a count per tweet.
        as_of=span("2015/2016", expression="Over past two years"),
        qualifiers={"period": "over the past two years"},
        text="Over the past two years the UK embassy garnered hundreds and thousands of retweets.",
        evidence=[UK_RETWEETS],
    )
    c(
        "uk-embassy-headlines",
        None,
        None,
        None,
        proposition=Proposition(
            text="The Russian Embassy in the United Kingdom regularly makes headlines.",
            about=[s["uk_emb"]],
        ),
        as_of=span("2015/2016", expression="Over past two years"),
        text="Over the past two years the UK embassy regularly made headlines.",
        evidence=[UK_RETWEETS],
    )
    c(
        "yakovenko-personal-account",
        s["yakovenko_tw"],
        "characterized_as",
        "his popular personal account",
        as_of=now,
        text="The ambassador Alexander Yakovenko has a popular personal account.",
        evidence=[UK],
    )
    lame_duck = d.event(
        "uk-embassy-lame-duck-tweet",
        "tweet",
        # "The very end" of the year is its last month (the parser gives December at year
        # precision, an interval of months).
        time=span("2016-12", expression="at the very end of 2016"),
        participants=[(s["uk_tw"], "agent")],
        description="The embassy's provocative 'lame duck' tweet.",
        evidence=[LAME_DUCK],
    )
    c(
        "lame-duck-retweets",
        lame_duck,
        "retweets",
        d.qty("more than 22,000 retweets", "more_than", 22000, "retweet"),
        as_of=now,
        text="The 'lame duck' tweet got more than 22,000 retweets.",
        evidence=[LAME_DUCK],
    )


def _japan_embassy(d: Document, s: dict[str, str], now: TimeSpan, by_followers: Ranking) -> None:
    """Third by followers: the Russian Embassy in Japan."""
    c = d.claim
    c(
        "japan-embassy-rank",
        s["japan"],
        "rank",
        Rank(position=3, ranking=by_followers),
        as_of=now,
        qualifiers={"platform": TWITTER},
        text="The Russian Embassy in Japan is third by Twitter followers.",
        evidence=[JAPAN],
    )
    # "almost exclusively" limits how much of the output, not how sure the author is:
    # certain, with the words kept as the hedge (no share is given to make a quantity of).
    c(
        "japan-embassy-language",
        s["japan_tw"],
        "language",
        "ja",
        as_of=now,
        hedge="almost exclusively",
        qualifiers={"except": "retweets"},
        text="The Russian Embassy in Japan tweets almost exclusively in Japanese.",
        evidence=[JAPANESE],
    )
    c(
        "japan-embassy-culture",
        s["japan_tw"],
        "topic",
        "promoting Russian culture",
        as_of=now,
        qualifiers={"emphasis": "strong"},
        text="The Russian Embassy in Japan puts strong emphasis on promoting Russian culture.",
        evidence=[JAPANESE, CAFE],
    )
    cafe = d.event(
        "japan-embassy-top-tweet-2016",
        "tweet",
        time=d.time("in 2016", "2016"),
        participants=[(s["japan_tw"], "agent")],
        description="The embassy's most retweeted 2016 tweet: a video about two"
        " students from Moscow opening a café in Tokyo.",
        evidence=[CAFE],
    )
    c(
        "japan-top-tweet-topic",
        cafe,
        "topic",
        "a video about two students from Moscow opening a Russian café in Tokyo",
        text="The Japan embassy's top tweet of 2016 featured two Moscow students' café in Tokyo.",
        evidence=[CAFE],
    )


def _more_missions(d: Document, s: dict[str, str], y2016: TimeSpan, now: TimeSpan) -> None:
    """The other missions over 10,000 followers, in descending order; China; the press staff."""
    c = d.claim
    # "in descending order": a ranking among the three named, as written; their places in the
    # whole list (4 to 6) are implied, not written.
    missions = {"us": s["us_emb"], "un": s["un"], "tr": s["tr"]}
    among = Ranking(of=s["network"], measure="followers", as_of=now, among=missions.values())
    names = {"us": "the United States", "un": "the United Nations", "tr": "Turkey"}
    for position, key in enumerate(missions, start=1):
        c(
            f"{key}-mission-followers",
            s[f"{key}_tw"],
            "followers",
            d.qty("above 10,000", "more_than", 10000, "follower"),
            as_of=now,
            text=f"The Russian mission to {names[key]} has more than 10,000 Twitter followers.",
            evidence=[THREE_OTHER],
        )
        c(
            f"{key}-mission-rank",
            missions[key],
            "rank",
            Rank(position=position, ranking=among),
            as_of=now,
            qualifiers={"platform": TWITTER},
            text=f"The Russian mission to {names[key]} is number {position} of the three by"
            " Twitter followers.",
            evidence=[THREE_OTHER],
        )
    c(
        "us-embassy-reason",
        s["us_tw"],
        "characterized_as",
        "started taking digital diplomacy seriously: less formal, better content, provocative"
        " messages",
        as_of=y2016,
        text="The Russian Embassy in the US grew because it started taking digital diplomacy"
        " seriously.",
        evidence=[
            "This has been helped to some extent by an increased interest towards Russia among"
            " Americans, but the main reason is simple: the Embassy started taking digital"
            " diplomacy seriously.",
            "It got less formal, improved the quality of content and shared messages that were"
            " intended to provoke reaction.",
        ],
    )
    c(
        "us-embassy-growth",
        s["us_tw"],
        "growth_factor",
        d.qty("more than quadrupling", unit="times"),
        as_of=y2016,
        qualifiers={"of": "followers"},
        text="The Russian Embassy in the US more than quadrupled its Twitter followers in 2016.",
        evidence=[QUADRUPLING],
    )
    c(
        "us-embassy-press-secretaries",
        None,
        None,
        None,
        proposition=Proposition(
            text="Both former and current press secretaries of the Embassy run their personal"
            " accounts on Twitter.",
            about=[s["us_emb"], TWITTER],
        ),
        as_of=now,
        text="The US embassy's former and current press secretaries run personal Twitter accounts.",
        evidence=[
            "The new approach also got a bit more personified with both former and current"
            " press secretaries of the Embassy running their personal accounts on Twitter."
        ],
    )
    c(
        "china-embassy-not-on-twitter",
        s["china"],
        "has_account_on",
        TWITTER,
        as_of=now,
        negated=True,
        text="The Russian Embassy in China is not on Twitter.",
        evidence=[WEIBO],
    )
    c(
        "china-embassy-weibo-rank",
        s["china_weibo"],
        "rank",
        Rank(
            position=10,
            ranking=Ranking(of=s["embassies_on_weibo"], measure="popularity", as_of=now),
        ),
        as_of=now,
        text="The Russian Embassy in China's Weibo page is the tenth most popular embassy page.",
        evidence=[WEIBO],
    )
