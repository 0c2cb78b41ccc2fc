"""Seed 001: Global News / The Canadian Press on the summonses of ambassadors (Dec. 2022)."""

from __future__ import annotations

from _seeding import Document, span
from _shared import (
    CANADA,
    CANADIAN_EMBASSY_MOSCOW,
    RUSSIA,
    RUSSIAN_EMBASSY_CANADA,
    RUSSIAN_MFA,
    SOVIET_UNION,
    THE_WEST,
    TWITTER,
    UKRAINE,
)

from ddfacts import Hop, Proposition, TimeSpan

SOURCE = "source:globalnews-summons"
FILE = "001_a5d173d06a98328b.txt"

# Quotes used more than once.
# The page title (the headline repeats it): the first occurrence is meant.
TITLE = (
    "Ottawa leading social media effort to demoralize Russian soldiers, Moscow says – National",
    1,
)
LEAD = (
    "Russia‘s ambassador to Canada says Ottawa is at the vanguard of an effort to isolate his"
    " country, following a series of social-media squabbles and ongoing salvos where each country"
    " summons the other’s top diplomat."
)
EXASPERATED = (
    "Oleg Stepanov told Russian state media that he’s exasperated by Canada’s foreign-affairs"
    " department tweeting unflattering information about the war in Ukraine, particularly recent"
    " tweets about Russian men fleeing a military draft."
)
MEGAPHONE = (
    "“When there is no real diplomacy on the Canadian side, no ability or appetite to deal with"
    " matters serious to Russia, they turn on this Twitter megaphone,” Stepanov told RIA Novosti"
    " last week, in Russian."
)
STRAINED = (
    "Relations between Ottawa and Moscow have been strained since Russia’s invasion of Ukraine in"
    " February."
)
DRAFT = (
    "Moscow started drafting men with no military experience in September, and rejects"
    " statements by the governments of Georgia and Kazakhstan about a subsequent uptick in people"
    " moving from neighbouring Russia."
)
GAC_TWEET = (
    "Last week, Global Affairs Canada tweeted the draft has “targeted ethnic minorities, triggered"
    " protests, and led to the fleeing of thousands of Russian citizens.”"
)
HUSK = "“Those who have left are just a dried-up husk of a man, dust in the wind."
CHAFF = (
    "It is that very case when the history separates the wheat from the chaff,” he wrote in"
    " remarks to TASS news agency, which the embassy translated into English."
)
EARLIER = (
    "Earlier this month, Russia summoned Canada’s ambassador in Moscow, in protest of Ottawa doing"
    " the same to Stepanov five times this year."
)
FIRST_THREE = (
    "Ottawa first summoned Stepanov shortly after the February invasion, and then after the April"
    " massacre in the city of Bucha, followed by October bombings of central Kyiv."
)
LAST_TWO = (
    "The fourth summons came after the embassy tweeted anti-LGBTQ messaging in November, and again"
    " this month for arguing the 1930s famine in Ukraine, known as the Holodomor, was not a result"
    " of Soviet policy."
)
FAVOUR = (
    "Russia returned the favour this month, summoning Canada’s ambassador Alison LeClaire over"
    " what Russia’s foreign ministry called “numerous unwarranted cases” of Ottawa summoning"
    " Stepanov."
)
RELEASE = (
    "The five summons “go far beyond normal diplomatic practice,” the ministry argued in a Dec. 9"
    " press release."
)
SEPTEMBER = (
    "Moscow previously summoned LeClaire in September, over allegations Global Affairs Canada had"
    " not taken seriously incidents involving the Ottawa embassy, such as security video of a"
    " Molotov cocktail being tossed onto the grounds of the mission."
)
BOTH = (
    "Both countries say they want to maintain diplomatic relations, even if Ottawa has withdrawn"
    " from working with Moscow on numerous files."
)
COPYRIGHT = "&copy 2022 The Canadian Press"


def annotate(d: Document) -> None:
    """Declare everything the Global News article says."""
    t = d.time
    # -- who ------------------------------------------------------------------
    cp = d.actor("canadian-press", "news_agency", "The Canadian Press", evidence=d.ev(COPYRIGHT))
    gn = d.actor(
        "global-news",
        "media_outlet",
        "Global News",
        description="Canadian news outlet; the article's section is 'National'.",
        evidence=d.ev(TITLE),
    )
    gac = d.actor(
        "global-affairs-canada",
        "ministry",
        "Global Affairs Canada",
        aliases=["Canada’s foreign-affairs department"],
        evidence=d.ev(EXASPERATED, GAC_TWEET),
    )
    this_year = t("this year", "2022", relative=True)
    stepanov = d.actor(
        "oleg-stepanov",
        "person",
        "Oleg Stepanov",
        roles=[
            d.role("ambassador to Canada", RUSSIAN_EMBASSY_CANADA, this_year, LEAD, EXASPERATED)
        ],
        evidence=d.ev(EXASPERATED),
    )
    leclaire = d.actor(
        "alison-leclaire",
        "person",
        "Alison LeClaire",
        roles=[d.role("ambassador to Russia", CANADIAN_EMBASSY_MOSCOW, this_year, FAVOUR, EARLIER)],
        evidence=d.ev(FAVOUR),
    )
    ria = d.actor(
        "ria-novosti",
        "news_agency",
        "RIA Novosti",
        description="Russian state news agency.",
        evidence=d.ev(MEGAPHONE),
    )
    tass = d.actor(
        "tass", "news_agency", "TASS", description="Russian news agency.", evidence=d.ev(CHAFF)
    )
    georgia = d.actor("georgia", "country", "Georgia", evidence=d.ev(DRAFT))
    kazakhstan = d.actor("kazakhstan", "country", "Kazakhstan", evidence=d.ev(DRAFT))
    fled = d.actor(
        "russians-who-fled-the-draft",
        "group",
        "Russian citizens who fled the draft",
        evidence=d.ev(
            GAC_TWEET,
            "In a rebuttal, Stepanov described citizens who have fled Russia as “cowards.”",
        ),
    )
    published = span("2022-12-09/2022-12-31", expression="Dec. 9 press release … &copy 2022")
    d.source(
        title="Ottawa leading social media effort to demoralize Russian soldiers, Moscow says",
        authors=[cp],
        publisher=gn,
        url="https://globalnews.ca/news/9357556/moscow-accuses-ottawa-social-media-russia/",
        published=published,
        language="en",
        kind="news_article",
        extensions={
            "x-published-note": (
                "The text has no dateline: it calls the Dec. 9 press release past and carries"
                " a 2022 copyright, so it appeared between 2022-12-09 and 2022-12-31. Global"
                " News shows the Canadian Press story as posted 2022-12-18."
            )
        },
    )
    # -- what happened --------------------------------------------------------
    d.event(
        "globalnews-summons-publication",
        "publication",
        time=published,
        participants=[(gn, "publisher"), (cp, "author")],
        about=[SOURCE],
        description="Global News publishes the Canadian Press story.",
        evidence=[TITLE, RELEASE, COPYRIGHT],
    )
    invasion = d.event(
        "russian-invasion-of-ukraine-2022",
        "attack",
        time=t("February", "2022-02", relative=True),
        participants=[(RUSSIA, "agent"), (UKRAINE, "target")],
        description="Russia invades Ukraine.",
        evidence=[STRAINED, FIRST_THREE],
    )
    d.event(
        "russian-draft-2022",
        "mobilization",
        time=t("September", "2022-09", relative=True),
        participants=[(RUSSIA, "agent")],
        description="Russia starts drafting men with no military experience.",
        evidence=[DRAFT, EXASPERATED],
    )
    last_week = t("last week", relative=True)
    d.event(
        "stepanov-ria-novosti-interview",
        "interview",
        time=last_week,
        participants=[(stepanov, "interviewee"), (ria, "interviewer")],
        description="Ambassador Stepanov speaks to RIA Novosti, in Russian.",
        evidence=[MEGAPHONE, EXASPERATED],
    )
    d.event(
        "gac-draft-tweet",
        "tweet",
        time=t("Last week", relative=True),
        participants=[(gac, "agent"), (TWITTER, "platform")],
        about=["event:russian-draft-2022"],
        description="Global Affairs Canada tweets about the Russian draft.",
        evidence=[GAC_TWEET],
    )
    tass_remarks = d.event(
        "stepanov-tass-remarks",
        "statement",
        # About Russians who fled the draft, which began in September: not before it.
        time=span("2022-09/2022-12-31", expression=None),
        participants=[(stepanov, "speaker"), (tass, "audience")],
        description="Stepanov writes remarks to TASS about Russians who fled the draft.",
        evidence=[CHAFF],
    )
    d.event(
        "embassy-translates-tass-remarks",
        "translation",
        time=span("2022-09/2022-12-31"),
        participants=[(RUSSIAN_EMBASSY_CANADA, "translator"), (stepanov, "author")],
        about=[tass_remarks],
        description="The embassy translates Stepanov's remarks to TASS into English.",
        evidence=[CHAFF],
    )
    bucha = d.event(
        "bucha-massacre",
        "attack",
        time=t("April", "2022-04", relative=True),
        place="Bucha",
        description="The massacre in the city of Bucha.",
        evidence=[FIRST_THREE],
    )
    kyiv = d.event(
        "kyiv-bombings-2022-10",
        "attack",
        time=t("October", "2022-10", relative=True),
        place="central Kyiv",
        description="Bombings of central Kyiv.",
        evidence=[FIRST_THREE],
    )
    lgbtq = d.event(
        "embassy-anti-lgbtq-tweet",
        "tweet",
        time=t("November", "2022-11", relative=True),
        participants=[(RUSSIAN_EMBASSY_CANADA, "agent"), (TWITTER, "platform")],
        description="The Russian embassy tweets anti-LGBTQ messaging.",
        evidence=[LAST_TWO],
    )
    holodomor = d.event(
        "holodomor",
        "famine",
        time=t("1930s", "193X"),
        place="Ukraine",
        participants=[(UKRAINE, "subject")],
        description="The 1930s famine in Ukraine, known as the Holodomor.",
        evidence=[LAST_TWO],
    )
    this_month = t("this month", "2022-12", relative=True)
    holodomor_tweet = d.event(
        "embassy-holodomor-tweet",
        "tweet",
        time=this_month,
        participants=[(RUSSIAN_EMBASSY_CANADA, "agent"), (TWITTER, "platform")],
        about=[holodomor],
        description="The embassy argues the Holodomor was not a result of Soviet policy.",
        evidence=[LAST_TWO],
    )
    summons = [
        (
            "1",
            span("2022-02~/2022-03~", expression="shortly after the February invasion"),
            [invasion],
            "after the invasion of Ukraine",
            [FIRST_THREE],
        ),
        (
            "2",
            span("2022-04/2022-10", expression="after the April massacre"),
            [bucha],
            "after the Bucha massacre",
            [FIRST_THREE],
        ),
        (
            "3",
            span("2022-10/2022-11", expression="followed by October bombings"),
            [kyiv],
            "after the October bombings of Kyiv",
            [FIRST_THREE],
        ),
        (
            "4",
            # The Dec. 9 press release counts five summonses: the fourth and fifth precede it.
            span(
                "2022-11/2022-12-09",
                expression="after the embassy tweeted anti-LGBTQ messaging in November",
                precision="month",
            ),
            [lgbtq],
            "after the embassy's anti-LGBTQ tweets",
            [LAST_TWO],
        ),
        (
            "5",
            span(
                "2022-12-01/2022-12-09",
                expression="again this month",
                relative_to=d.relative_to,
            ),
            [holodomor_tweet],
            "over the embassy's Holodomor tweets",
            [LAST_TWO],
        ),
    ]
    for number, when, about, why, evidence in summons:
        d.event(
            f"canada-summons-stepanov-{number}",
            "summons",
            time=when,
            participants=[(gac, "agent"), (stepanov, "target")],
            about=about,
            description=f"Ottawa summons Russia's ambassador Stepanov ({number} of 5), {why}.",
            evidence=evidence,
        )
    leclaire_december = d.event(
        "russia-summons-leclaire-2022-12",
        "summons",
        time=t("Earlier this month", relative=True),
        participants=[(RUSSIAN_MFA, "agent"), (leclaire, "target")],
        description="Russia summons Canada's ambassador LeClaire over Ottawa's summonses of"
        " Stepanov.",
        evidence=[EARLIER, FAVOUR],
    )
    release = d.event(
        "russian-mfa-press-release-2022-12-09",
        "press_release",
        time=t("Dec. 9", "2022-12-09", relative=True),
        participants=[(RUSSIAN_MFA, "author")],
        about=[leclaire_december],
        description="Russia's foreign ministry issues a press release on the summonses.",
        evidence=[RELEASE],
    )
    molotov = d.event(
        "molotov-cocktail-ottawa-embassy",
        "attack",
        time=span("../2022-09", expression=None),
        place="grounds of the Russian embassy in Ottawa",
        participants=[(RUSSIAN_EMBASSY_CANADA, "target")],
        description=(
            "A Molotov cocktail is tossed onto the grounds of the Russian embassy in Ottawa."
        ),
        evidence=[SEPTEMBER],
    )
    d.event(
        "russia-summons-leclaire-2022-09",
        "summons",
        time=t("in September", "2022-09", relative=True),
        participants=[(RUSSIAN_MFA, "agent"), (leclaire, "target")],
        about=[molotov],
        description="Moscow summons LeClaire over incidents involving its Ottawa embassy.",
        evidence=[SEPTEMBER],
    )
    # -- what is claimed ------------------------------------------------------
    _claims(d, gac=gac, stepanov=stepanov, ria=ria, tass=tass, fled=fled)
    _claims_of_states(d, georgia=georgia, kazakhstan=kazakhstan, invasion=invasion)
    _claims_of_summonses(d, stepanov=stepanov, this_year=this_year, release=release)
    d.claim(
        "holodomor-not-soviet-policy",
        None,
        None,
        None,
        proposition=Proposition(
            text="The 1930s famine in Ukraine, the Holodomor, was a result of Soviet policy.",
            about=[holodomor, SOVIET_UNION],
        ),
        negated=True,
        speaker=RUSSIAN_EMBASSY_CANADA,
        mode="paraphrases",
        text="The Russian embassy argued the Holodomor was not a result of Soviet policy.",
        evidence=[LAST_TWO],
        qualifiers={"event": holodomor_tweet},
    )


def _stepanov_chains(ria: str, tass: str) -> tuple[tuple[Hop, ...], tuple[Hop, ...]]:
    """The two chains Stepanov's words reached The Canadian Press by.

    One chain for everything he told RIA Novosti in Russian; one for his
    written remarks to TASS (in Russian), which the embassy translated into
    English.  Every claim from the same remarks carries the same chain.
    """
    to_ria = (Hop(by=ria, mode="quotes", language="ru"),)
    to_tass = (
        Hop(by=tass, mode="quotes", language="ru"),
        Hop(by=RUSSIAN_EMBASSY_CANADA, mode="translates", language="en"),
    )
    return to_ria, to_tass


def _claims(d: Document, *, gac: str, stepanov: str, ria: str, tass: str, fled: str) -> None:
    """What Stepanov, Moscow and Global Affairs Canada say, and through whom."""
    to_ria, to_tass = _stepanov_chains(ria, tass)
    state_media = d.actor(
        "russian-state-media",
        "group",
        "Russian state media",
        description="The Russian state media Stepanov spoke to; the text does not say which.",
        evidence=d.ev(EXASPERATED),
    )
    army = d.actor(
        "russian-armed-forces",
        "armed_forces",
        "Russian armed forces",
        aliases=["Russian soldiers", "the national army"],
        evidence=d.ev(
            TITLE, "He said there is “no moral alternative” to standing by the national army."
        ),
    )
    last_week = d.time("last week", relative=True)
    tass_remarks = "event:stepanov-tass-remarks"
    interview = "event:stepanov-ria-novosti-interview"
    d.claim(
        "moscow-canada-demoralizes-soldiers",
        None,
        None,
        None,
        proposition=Proposition(
            text="Ottawa is leading a social media effort to demoralize Russian soldiers.",
            about=[CANADA, army],
        ),
        speaker=RUSSIA,
        mode="paraphrases",
        text="Moscow says Canada leads a social media effort to demoralize Russian soldiers.",
        evidence=[TITLE],
    )
    d.claim(
        "stepanov-canada-isolates-russia",
        None,
        None,
        None,
        proposition=Proposition(
            text="Canada is leading an effort by Western countries to isolate Russia.",
            about=[CANADA, THE_WEST, RUSSIA],
        ),
        speaker=stepanov,
        mode="paraphrases",
        original_language="ru",
        chain=to_ria,
        certainty="probable",
        hedge="appears to be",
        as_of=last_week,
        qualifiers={"event": interview},
        text="Stepanov says Canada appears to lead a Western effort to isolate Russia.",
        evidence=[
            LEAD,
            "He added that Canada appears to be leading an effort by Western"
            " countries to isolate Russia.",
        ],
    )
    d.claim(
        "stepanov-exasperated",
        None,
        None,
        None,
        proposition=Proposition(
            text="Stepanov is exasperated by Global Affairs Canada tweeting unflattering"
            " information about the war in Ukraine, particularly about Russian men fleeing"
            " the draft.",
            about=[stepanov, gac, "event:russian-draft-2022"],
        ),
        speaker=stepanov,
        mode="paraphrases",
        chain=[Hop(by=state_media, mode="reports")],
        text="Stepanov is exasperated by Global Affairs Canada's tweets about the war.",
        evidence=[EXASPERATED],
    )
    d.claim(
        "stepanov-twitter-megaphone",
        None,
        None,
        None,
        proposition=Proposition(
            text="When there is no real diplomacy on the Canadian side, no ability or appetite"
            " to deal with matters serious to Russia, they turn on this Twitter megaphone.",
            about=[CANADA, TWITTER],
        ),
        speaker=stepanov,
        mode="translates",
        chain=to_ria,
        original_language="ru",
        as_of=last_week,
        qualifiers={"event": interview},
        text="Stepanov told RIA Novosti, in Russian, that Canada uses a Twitter megaphone"
        " instead of real diplomacy.",
        evidence=[MEGAPHONE],
    )
    d.claim(
        "gac-draft-characterized",
        "event:russian-draft-2022",
        "characterized_as",
        "targeted ethnic minorities, triggered protests, and led to the fleeing of thousands"
        " of Russian citizens",
        speaker=gac,
        mode="quotes",
        text="Global Affairs Canada says the draft targeted minorities, triggered protests"
        " and made thousands flee.",
        evidence=[GAC_TWEET],
        qualifiers={"event": "event:gac-draft-tweet"},
    )
    d.claim(
        "thousands-fled",
        fled,
        "size",
        d.qty("thousands of Russian citizens", "at_least", 2000, "person"),
        speaker=gac,
        mode="quotes",
        as_of=last_week,
        text="Thousands of Russian citizens fled the draft, Global Affairs Canada says.",
        evidence=[GAC_TWEET],
    )
    # The rebuttal: one set of remarks to TASS, in Russian, translated by the embassy.
    rebuttal = {"event": tass_remarks}
    d.claim(
        "stepanov-cowards",
        fled,
        "characterized_as",
        "cowards",
        speaker=stepanov,
        mode="quotes",
        chain=to_tass,
        original_language="ru",
        qualifiers=rebuttal,
        text="Stepanov calls the citizens who fled Russia cowards.",
        evidence=["In a rebuttal, Stepanov described citizens who have fled Russia as “cowards.”"],
    )
    d.claim(
        "stepanov-defend-the-country",
        None,
        None,
        None,
        proposition=Proposition(
            text="Real Russians would defend the country regardless of one’s political views.",
            about=[RUSSIA],
        ),
        speaker=stepanov,
        mode="paraphrases",
        chain=to_tass,
        original_language="ru",
        qualifiers=rebuttal,
        text="Stepanov says real Russians would defend the country whatever their politics.",
        evidence=[
            "He said real Russians would defend the country “regardless of one’s political views.”"
        ],
    )
    d.claim(
        "stepanov-no-moral-alternative",
        None,
        None,
        None,
        proposition=Proposition(
            text="There is no moral alternative to standing by the national army.",
            about=[army, RUSSIA],
        ),
        speaker=stepanov,
        mode="paraphrases",
        chain=to_tass,
        original_language="ru",
        qualifiers=rebuttal,
        text="Stepanov says there is no moral alternative to standing by the army.",
        evidence=["He said there is “no moral alternative” to standing by the national army."],
    )
    d.claim(
        "stepanov-dried-up-husk",
        fled,
        "characterized_as",
        "Those who have left are just a dried-up husk of a man, dust in the wind. It is that"
        " very case when the history separates the wheat from the chaff",
        speaker=stepanov,
        mode="quotes",
        chain=to_tass,
        original_language="ru",
        qualifiers=rebuttal,
        text="In remarks to TASS, translated by the embassy, Stepanov calls those who left a"
        " dried-up husk.",
        evidence=[HUSK, CHAFF],
    )


def _claims_of_states(d: Document, *, georgia: str, kazakhstan: str, invasion: str) -> None:
    """What the text and the governments say about relations, the draft and the exodus."""
    draft = "event:russian-draft-2022"
    d.claim(
        "relations-strained",
        None,
        None,
        None,
        proposition=Proposition(
            text="Relations between Ottawa and Moscow have been strained since Russia’s"
            " invasion of Ukraine in February.",
            about=[CANADA, RUSSIA, invasion],
        ),
        as_of=span("2022-02/..", expression="since Russia’s invasion of Ukraine in February"),
        text="Relations between Canada and Russia have been strained since February 2022.",
        evidence=[STRAINED],
    )
    for country, name in ((georgia, "Georgia"), (kazakhstan, "Kazakhstan")):
        d.claim(
            f"{name.lower()}-uptick",
            None,
            None,
            None,
            proposition=Proposition(
                text=f"After the draft, more people are moving from Russia to {name}.",
                about=[country, RUSSIA, draft],
            ),
            speaker=country,
            mode="reports",
            text=f"{name}'s government reports more people moving in from Russia after the draft.",
            evidence=[DRAFT],
        )
    d.claim(
        "russia-rejects-uptick",
        None,
        None,
        None,
        proposition=Proposition(
            text="After the draft, more people are moving from Russia to Georgia and Kazakhstan.",
            about=[RUSSIA, georgia, kazakhstan, draft],
        ),
        negated=True,
        speaker=RUSSIA,
        mode="reports",
        text="Russia rejects the reports of more people leaving for Georgia and Kazakhstan.",
        evidence=[DRAFT],
    )
    for country, other in ((CANADA, RUSSIA), (RUSSIA, CANADA)):
        name, other_name = (n.split(":")[1].capitalize() for n in (country, other))
        d.claim(
            f"{name.lower()}-wants-relations",
            None,
            None,
            None,
            proposition=Proposition(
                text=f"{name} wants to maintain diplomatic relations with {other_name}.",
                about=[country, other],
            ),
            speaker=country,
            mode="paraphrases",
            text=f"{name} says it wants to keep diplomatic relations with {other_name}.",
            evidence=[BOTH],
        )
    d.claim(
        "canada-withdrawn-from-files",
        None,
        None,
        None,
        proposition=Proposition(
            text="Ottawa has withdrawn from working with Moscow on numerous files.",
            about=[CANADA, RUSSIA],
        ),
        text="Canada has stopped working with Russia on numerous files.",
        evidence=[BOTH],
    )


def _claims_of_summonses(d: Document, *, stepanov: str, this_year: TimeSpan, release: str) -> None:
    """The count of Ottawa's summonses and Moscow's words about them."""
    d.claim(
        "stepanov-summonses-2022",
        stepanov,
        "summonses",
        d.qty("five times", "exact", 5, "time"),
        as_of=this_year,
        text="Canada summoned Russia's ambassador Oleg Stepanov five times in 2022.",
        evidence=[EARLIER, FIRST_THREE, LAST_TWO, RELEASE],
    )
    # What the ministry characterizes is the summonses, not Canada: a proposition about them.
    summonses = [f"event:canada-summons-stepanov-{number}" for number in range(1, 6)]
    d.claim(
        "mfa-unwarranted-cases",
        None,
        None,
        None,
        proposition=Proposition(
            text="Ottawa's summonses of Stepanov are numerous unwarranted cases.",
            about=[CANADA, stepanov, *summonses],
        ),
        speaker=RUSSIAN_MFA,
        mode="quotes",
        text="Russia's foreign ministry calls Ottawa's summonses of Stepanov numerous"
        " unwarranted cases.",
        evidence=[FAVOUR],
    )
    d.claim(
        "mfa-beyond-normal-practice",
        None,
        None,
        None,
        proposition=Proposition(
            text="The five summonses of Stepanov go far beyond normal diplomatic practice.",
            about=[CANADA, stepanov, *summonses],
        ),
        speaker=RUSSIAN_MFA,
        mode="quotes",
        text="Russia's foreign ministry says the five summonses go far beyond normal"
        " diplomatic practice.",
        evidence=[RELEASE],
        qualifiers={"event": release},
    )
