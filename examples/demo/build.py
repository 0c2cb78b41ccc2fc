"""Build ``demo.facts.json`` from ``demo.txt``: the invented demo story, annotated completely.

Run from anywhere: ``python examples/demo/build.py [OUT_FOLDER]`` (default:
this folder).  The output is canonical and deterministic, so the committed
file equals what this script writes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

import attrs

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from _annotate import PARSER_NOTES, Document, ordered, span  # noqa: E402

import ddfacts  # noqa: E402
from ddfacts import (  # noqa: E402
    Condition,
    Hop,
    Members,
    Proposition,
    Rank,
    Ranking,
    Rating,
    ResolvedAgainst,
)

TEXT = HERE / "demo.txt"
SOURCE = "source:demo"
PUBLISHED = dt.date(2023, 3, 14)


def build() -> Document:
    """Declare the annotation of the demo story."""
    d = Document(
        key="demo",
        source_id=SOURCE,
        path=TEXT,
        relative_to=ResolvedAgainst(date=PUBLISHED, basis=f"{SOURCE} published"),
    )
    st = d.st

    # -- who ------------------------------------------------------------------
    ledger = d.actor(
        "demo-harbour-ledger",
        "newspaper",
        "The Harbour Ledger",
        aliases=["the Ledger"],
        description="Invented newspaper in Lindholm, Ostrland.",
        evidence=d.ev("The Harbour Ledger | Lindholm | Tuesday, 14 March 2023"),
    )
    halden = d.actor(
        "demo-mira-halden",
        "person",
        "Mira Halden",
        roles=[d.role("reporter", ledger, None, "By Mira Halden")],
        evidence=d.ev("By Mira Halden"),
    )
    veloria = d.actor(
        "demo-veloria",
        "country",
        "Republic of Veloria",
        aliases=["Veloria"],
        description="Invented country.",
        evidence=d.ev("Veloria has 38 missions abroad, according to its foreign ministry."),
    )
    ostrland = d.actor(
        "demo-ostrland",
        "country",
        "Ostrland",
        description="Invented country; its capital is Lindholm.",
    )
    veloria_mfa = d.actor(
        "demo-veloria-mfa",
        "ministry",
        "Foreign Ministry of Veloria",
        description="The foreign ministry of Veloria.",
        evidence=d.ev("Veloria has 38 missions abroad, according to its foreign ministry."),
    )
    embassy = d.actor(
        "demo-embassy",
        "diplomatic_mission",
        "Embassy of the Republic of Veloria in Lindholm",
        aliases=["the embassy"],
        description="Veloria's embassy in Ostrland.",
        evidence=d.ev(
            "The Twitter account of the Embassy of the Republic of Veloria in Lindholm,"
            " @VeloriaInOstr, now has more than 12,500 followers, up from about 900 in"
            " January 2020, when press attaché Tomas Brell took it over."
        ),
    )
    press_office = d.actor(
        "demo-press-office",
        "department",
        "Press office of the Velorian embassy in Lindholm",
        description="A one-man, two-room press office on Quay Street.",
        evidence=d.ev(
            "A one-man press office wins followers for Veloria, and a summons for its ambassador",
            "Brell, 31, runs the account alone from a two-room press office on Quay Street.",
        ),
    )
    brell_role_evidence = (
        "The Twitter account of the Embassy of the Republic of Veloria in Lindholm,"
        " @VeloriaInOstr, now has more than 12,500 followers, up from about 900 in"
        " January 2020, when press attaché Tomas Brell took it over."
    )
    brell = d.actor(
        "demo-tomas-brell",
        "person",
        "Tomas Brell",
        roles=[
            d.role(
                "press attaché",
                embassy,
                span("2020-01/..", expression="January 2020"),
                brell_role_evidence,
            )
        ],
        description="Press attaché of the Velorian embassy; runs its Twitter account alone.",
        evidence=d.ev(brell_role_evidence),
    )
    account = d.actor(
        "demo-embassy-account",
        "account",
        "Velorian embassy in Lindholm on Twitter",
        platform="twitter",
        handle="@VeloriaInOstr",
        operated_by=press_office,
        identifiers=[("twitter", "@VeloriaInOstr")],
        description="The embassy's Twitter account, run by its press attaché since January 2020.",
        evidence=d.ev(
            brell_role_evidence,
            "Brell, 31, runs the account alone from a two-room press office on Quay Street.",
        ),
    )
    instagram = d.actor(
        "demo-embassy-instagram",
        "account",
        "Velorian embassy in Lindholm on Instagram",
        platform="instagram",
        operated_by=embassy,
        evidence=d.ev(
            "The embassy opened an Instagram account in 2021, which has 2,140 followers."
        ),
    )
    varro = d.actor(
        "demo-ilse-varro",
        "person",
        "Ilse Varro",
        roles=[
            d.role(
                "ambassador",
                embassy,
                None,
                "On Friday, 10 March, Ostrland's Ministry of Foreign Affairs summoned the"
                " Velorian ambassador, Ilse Varro, over a tweet that compared the Ostrlandic"
                " fisheries minister to a seagull.",
            )
        ],
    )
    ostrland_mfa = d.actor(
        "demo-ostrland-mfa",
        "ministry",
        "Ministry of Foreign Affairs of Ostrland",
        description="The foreign ministry of Ostrland.",
        evidence=d.ev(
            "On Friday, 10 March, Ostrland's Ministry of Foreign Affairs summoned the"
            " Velorian ambassador, Ilse Varro, over a tweet that compared the Ostrlandic"
            " fisheries minister to a seagull."
        ),
    )
    sandvall_says = (
        'A ministry spokesperson, Henrik Sandvall, called it "the third summons in three'
        ' months" in a statement on Saturday.'
    )
    sandvall = d.actor(
        "demo-henrik-sandvall",
        "person",
        "Henrik Sandvall",
        roles=[d.role("spokesperson", ostrland_mfa, None, sandvall_says)],
    )
    minister = d.actor(
        "demo-ostrland-fisheries-minister",
        "person",
        "Fisheries minister of Ostrland (not named)",
        roles=[d.role("fisheries minister", ostrland, None)],
        description="Not named in the story.",
    )
    courrier = d.actor(
        "demo-courrier-de-velor",
        "newspaper",
        "Le Courrier de Velor",
        names=[("Le Courrier de Velor", "fr", "official")],
        description="Invented Velorian daily newspaper, in French.",
        evidence=d.ev(
            "Varro defended the press office in an interview with the Velorian daily"
            " Le Courrier de Velor, given in French:"
        ),
    )
    factcheck = d.actor(
        "demo-ledger-factcheck",
        "fact_checker",
        "Harbour Ledger fact-check desk",
        description="Invented fact-check desk that reviews the demo's claims.",
    )
    missions_para = (
        "Of Veloria's 38 missions, 14 have Twitter accounts with more than 1,000 followers,"
        " and 3 of those have more than 10,000;"
    )
    mission_accounts = d.actor(
        "demo-veloria-mission-accounts",
        "group",
        "Twitter accounts of Veloria's missions",
        description="The missions' Twitter accounts, taken together (ranked, counted, summed).",
        evidence=d.ev(missions_para),
    )
    rask = d.actor(
        "demo-veloria-embassy-rask",
        "diplomatic_mission",
        "Embassy of Veloria in Rask",
        description="Its Twitter account has the most followers of Veloria's missions.",
        evidence=d.ev(
            "By followers, the Lindholm account is the second largest, after the embassy in Rask."
        ),
    )
    maren = d.actor(
        "demo-veloria-consulate-maren",
        "diplomatic_mission",
        "Consulate of Veloria in Maren",
        evidence=d.ev("Apart from the consulate in Maren,"),
    )
    d.source(
        title=(
            "A one-man press office wins followers for Veloria, and a summons for its ambassador"
        ),
        authors=[halden],
        publisher=ledger,
        published=d.time("Tuesday, 14 March 2023", "2023-03-14"),
        language="en",
        kind="news_article",
    )

    # -- what happened --------------------------------------------------------
    d.event(
        "demo-publication",
        "publication",
        time=d.time("Tuesday, 14 March 2023", "2023-03-14"),
        place="Lindholm",
        participants=[(ledger, "publisher"), (halden, "author")],
        about=[SOURCE],
        description="The Harbour Ledger publishes the story.",
        evidence=["The Harbour Ledger | Lindholm | Tuesday, 14 March 2023", "By Mira Halden"],
    )
    d.event(
        "demo-brell-takes-over-account",
        "account_takeover",
        time=d.time("January 2020", "2020-01"),
        participants=[(brell, "agent"), (account, "subject")],
        description="Press attaché Tomas Brell takes over the embassy's Twitter account.",
        evidence=[brell_role_evidence],
    )
    interview = d.event(
        "demo-brell-interview",
        "interview",
        time=d.time("last week", "2023-03-06/2023-03-12", relative=True, precision="week"),
        participants=[(brell, "interviewee"), (ledger, "interviewer")],
        description="Tomas Brell gives the Harbour Ledger an interview.",
        evidence=[
            "Since then it has posted 4,312 tweets, Brell told the Ledger in an interview"
            " last week."
        ],
    )
    tweet = d.event(
        "demo-seagull-tweet",
        "post",
        time=d.time("8 March", "2023-03-08", relative=True),
        participants=[(account, "agent"), (minister, "target")],
        description=(
            "The embassy tweets a comparison of Ostrland's fisheries minister to a seagull."
        ),
        evidence=[
            'The embassy had posted it on 8 March with a single emoji: "Fresh catch of the day 🐟".'
        ],
    )
    summons_evidence = (
        "On Friday, 10 March, Ostrland's Ministry of Foreign Affairs summoned the"
        " Velorian ambassador, Ilse Varro, over a tweet that compared the Ostrlandic"
        " fisheries minister to a seagull."
    )
    d.event(
        "demo-summons-2023-03-10",
        "summons",
        time=d.time("Friday, 10 March", "2023-03-10", relative=True),
        participants=[(ostrland_mfa, "agent"), (varro, "target"), (embassy, "target")],
        about=[tweet],
        description="Ostrland's foreign ministry summons Veloria's ambassador over the tweet.",
        evidence=[summons_evidence],
    )
    first_summons = (
        "It was the second summons of the ambassador this year, the embassy said; the first"
        " came on 9 January, over a dispute about fishing quotas."
    )
    d.event(
        "demo-summons-2023-01-09",
        "summons",
        time=d.time("9 January", "2023-01-09", relative=True),
        participants=[(ostrland_mfa, "agent"), (varro, "target")],
        description="Veloria's ambassador is summoned over a dispute about fishing quotas.",
        evidence=[first_summons],
    )
    d.event(
        "demo-sandvall-statement",
        "statement",
        time=d.time("Saturday", "2023-03-11", relative=True),
        participants=[(sandvall, "speaker"), (ostrland_mfa, "agent")],
        description="The ministry's spokesperson comments on the summons in a statement.",
        evidence=[sandvall_says],
    )
    d.event(
        "demo-varro-interview",
        "interview",
        time=span("../2023-03-14"),
        participants=[(varro, "interviewee"), (courrier, "interviewer")],
        description="Ambassador Varro defends the press office in an interview in French.",
        evidence=[
            "Varro defended the press office in an interview with the Velorian daily"
            " Le Courrier de Velor, given in French:"
        ],
    )
    d.event(
        "demo-instagram-launch",
        "account_launch",
        time=d.time("2021", "2021"),
        participants=[(embassy, "agent"), (instagram, "subject")],
        description="The embassy opens an Instagram account.",
        evidence=["The embassy opened an Instagram account in 2021, which has 2,140 followers."],
    )

    # -- what is claimed ------------------------------------------------------
    today = span("2023-03-14", expression="now", relative_to=d.relative_to)
    followers_now = brell_role_evidence
    d.claim(
        "account-followers-2023",
        account,
        "followers",
        d.qty("more than 12,500 followers", "more_than", 12500, "follower"),
        as_of=today,
        text="The embassy's Twitter account @VeloriaInOstr has more than 12,500 followers.",
        evidence=[followers_now],
    )
    d.claim(
        "account-followers-2020",
        account,
        "followers",
        d.qty("about 900", "approximately", 900, "follower"),
        as_of=d.time("January 2020", "2020-01"),
        text="The embassy's Twitter account had about 900 followers in January 2020.",
        evidence=[followers_now],
    )
    d.claim(
        "account-tweets",
        account,
        "tweets",
        d.qty("4,312 tweets", "exact", 4312, "tweet"),
        as_of=span("2020-01/2023-03-12", expression="Since then"),
        speaker=brell,
        mode="paraphrases",
        text="The account has posted 4,312 tweets since January 2020, its press attaché says.",
        evidence=[
            "Since then it has posted 4,312 tweets, Brell told the Ledger in an interview"
            " last week."
        ],
        qualifiers={"event": interview},
    )
    d.claim(
        "brell-age",
        brell,
        "age",
        d.qty("31", "exact", 31, "year"),
        as_of=today,
        text="Tomas Brell is 31 years old.",
        evidence=["Brell, 31, runs the account alone from a two-room press office on Quay Street."],
    )
    d.claim(
        "press-office-staff",
        press_office,
        "staff",
        d.qty("one-man", "exact", 1, "person"),
        as_of=today,
        text="The embassy's press office is one person, Tomas Brell.",
        evidence=[
            "A one-man press office wins followers for Veloria, and a summons for its ambassador",
            "Brell, 31, runs the account alone from a two-room press office on Quay Street.",
        ],
    )
    d.claim(
        "brell-answers-every-question",
        None,
        None,
        None,
        proposition=Proposition(
            text="We answer every question, even the rude ones", about=[press_office]
        ),
        speaker=brell,
        mode="quotes",
        text="Tomas Brell says the account answers every question, even the rude ones.",
        evidence=['"We answer every question, even the rude ones," he said.'],
    )
    d.claim(
        "followers-in-ostrland",
        account,
        "share_of_audience",
        d.qty("About 60 per cent", "approximately", 60, "percent"),
        as_of=today,
        qualifiers={"audience": "followers of the account", "place": "Ostrland"},
        speaker=brell,
        mode="paraphrases",
        certainty="probable",
        hedge="he estimated",
        text="About 60 per cent of the account's followers live in Ostrland, Brell estimates.",
        evidence=["About 60 per cent of the followers live in Ostrland, he estimated."],
    )
    d.claim(
        "seagull-tweet",
        minister,
        "characterized_as",
        "Fresh catch of the day 🐟",
        speaker=account,
        mode="quotes",
        text='The embassy\'s account tweeted "Fresh catch of the day 🐟" on 8 March 2023.',
        evidence=['"Fresh catch of the day 🐟"'],
    )
    this_year = d.time("this year", "2023", relative=True)
    embassy_count = d.claim(
        "summons-count-embassy",
        varro,
        "summonses",
        d.qty("the second summons", "exact", 2, "time"),
        as_of=this_year,
        speaker=embassy,
        mode="paraphrases",
        text="The ambassador has been summoned twice this year, the embassy says.",
        evidence=[first_summons],
    )
    d.claim(
        "summons-count-ministry",
        varro,
        "summonses",
        d.qty("the third summons", "exact", 3, "time"),
        as_of=d.time(
            "in three months",
            "2022-12-11~/2023-03-11",
            relative=True,
            relative_to=dt.date(2023, 3, 11),
        ),
        speaker=sandvall,
        mode="quotes",
        text="The ambassador has been summoned three times in three months, the ministry says.",
        evidence=[sandvall_says],
    )
    varro_fr = st("« Nos portes restent ouvertes, même aux critiques. »", language="fr")
    d.claim(
        "varro-doors-open-fr",
        None,
        None,
        None,
        proposition=Proposition(
            text="Nos portes restent ouvertes, même aux critiques.", about=[embassy], language="fr"
        ),
        speaker=varro,
        mode="quotes",
        chain=[Hop(by=courrier, mode="quotes", language="fr")],
        original_language="fr",
        text="Ambassador Varro told Le Courrier de Velor, in French, that the embassy's doors"
        " remain open, even to critics.",
        evidence=[varro_fr],
    )
    d.claim(
        "varro-doors-open-en",
        None,
        None,
        None,
        proposition=Proposition(text="Our doors remain open, even to critics.", about=[embassy]),
        speaker=varro,
        mode="translates",
        chain=[
            Hop(by=courrier, mode="quotes", language="fr"),
            Hop(by=embassy, mode="translates", language="en"),
        ],
        original_language="fr",
        text="In the embassy's English translation, Varro said: our doors remain open, even to"
        " critics.",
        evidence=[
            "The embassy's own English translation reads: \"Our doors remain open, even to"
            ' critics."'
        ],
    )
    d.claim(
        "brell-keeps-style",
        None,
        None,
        None,
        proposition=Proposition(
            text="We answer every question, and we will answer this one too.",
            about=[press_office],
        ),
        speaker=brell,
        mode="quotes",
        text="Brell says the press office will keep its style and answer this question too.",
        evidence=[
            "Brell said the press office would keep its style.",
            ("We answer every question", 2),
            '"and we will answer this one too."',
        ],
    )
    d.claim(
        "instagram-followers",
        instagram,
        "followers",
        d.qty("2,140 followers", "exact", 2140, "follower"),
        as_of=today,
        text="The embassy's Instagram account has 2,140 followers.",
        evidence=["The embassy opened an Instagram account in 2021, which has 2,140 followers."],
    )
    d.claim(
        "veloria-missions",
        veloria,
        "missions",
        d.qty("38 missions", "exact", 38, "mission"),
        as_of=today,
        speaker=veloria_mfa,
        mode="reports",
        text="Veloria has 38 missions abroad, according to its foreign ministry.",
        evidence=["Veloria has 38 missions abroad, according to its foreign ministry."],
    )
    over_1000 = d.claim(
        "accounts-over-1000",
        veloria,
        "accounts",
        d.qty("14", "exact", 14, "account"),
        where=Condition(
            property="followers", value=d.qty("more than 1,000", "more_than", 1000, "follower")
        ),
        as_of=today,
        qualifiers={"platform": "twitter"},
        text="14 of Veloria's missions have Twitter accounts with more than 1,000 followers.",
        evidence=[missions_para],
    )
    d.claim(
        "accounts-over-10000",
        veloria,
        "accounts",
        d.qty("3", "exact", 3, "account"),
        where=Condition(
            property="followers", value=d.qty("more than 10,000", "more_than", 10000, "follower")
        ),
        refines=over_1000,
        as_of=today,
        qualifiers={"platform": "twitter"},
        text="3 of those 14 mission accounts have more than 10,000 followers.",
        evidence=[missions_para],
    )
    total = d.qty("52,000 followers", "exact", 52000, "follower")
    d.claim(
        "mission-accounts-followers",
        mission_accounts,
        "followers",
        attrs.evolve(total, rounded_to=1000),
        as_of=today,
        text="Together the Twitter accounts of Veloria's missions have 52,000 followers"
        " (a figure rounded to the thousand).",
        evidence=["together the missions' accounts have 52,000 followers."],
    )
    by_followers = Ranking(of=mission_accounts, measure="followers", as_of=today)
    ranked = "By followers, the Lindholm account is the second largest, after the embassy in Rask."
    d.claim(
        "account-rank",
        account,
        "rank",
        Rank(position=2, ranking=by_followers),
        text="By followers, the Lindholm embassy's account is the second largest of Veloria's"
        " mission accounts.",
        evidence=[ranked],
    )
    d.claim(
        "rask-rank",
        rask,
        "rank",
        Rank(position=1, ranking=by_followers),
        text="The embassy in Rask has the largest Twitter following of Veloria's missions.",
        evidence=[ranked],
    )
    the_rest = Condition(
        property="followers", value=d.qty("at most 1,000", "at_most", 1000, "follower")
    )
    each_of_rest = (
        "Apart from the consulate in Maren, each of the other missions' accounts has at most"
        " 400 followers, Brell said, and an average one has 200 to 300."
    )
    d.claim(
        "other-accounts-each",
        mission_accounts,
        "followers",
        d.qty("at most 400 followers", "at_most", 400, "follower"),
        members=Members(scope="each", excluding=[maren]),
        where=the_rest,
        as_of=today,
        speaker=brell,
        mode="paraphrases",
        text="Each of the other mission accounts, except the consulate in Maren's, has at most"
        " 400 followers, Brell says.",
        evidence=[each_of_rest],
    )
    d.claim(
        "other-accounts-average",
        mission_accounts,
        "followers",
        d.qty("200 to 300", "between", None, "follower", lower=200, upper=300),
        members=Members(scope="average"),
        where=the_rest,
        as_of=today,
        speaker=brell,
        mode="paraphrases",
        text="An average one of the other mission accounts has 200 to 300 followers, Brell says.",
        evidence=[each_of_rest],
    )
    d.review(
        "summons-count-embassy",
        embassy_count,
        rating=Rating(value=5, best=5, worst=1, label="True"),
        reviewer=factcheck,
        published=PUBLISHED,
        url="https://harbour-ledger.example/fact-check/summons-count",
        explanation=(
            "The story reports two summonses of the ambassador in 2023, on 9 January and on"
            " 10 March; the ministry's count of three in three months is not borne out by it."
        ),
        evidence=[summons_evidence, first_summons],
    )
    d.st(
        "This story is invented for the ddfacts project: Veloria, Ostrland and everyone named"
        " here are fictional.",
        note="Not a claim: the story's own disclaimer.",
    )
    return d


def main(argv: list[str]) -> int:
    """Write ``demo.facts.json`` into the folder given (default: this folder)."""
    parser = argparse.ArgumentParser(description="Build the demo fact file from demo.txt.")
    parser.add_argument("out", nargs="?", type=Path, default=HERE, help="output folder")
    out = parser.parse_args(argv).out
    out.mkdir(parents=True, exist_ok=True)
    document = build()
    ddfacts.dump(ordered(document.records), out / "demo.facts.json")
    for note in PARSER_NOTES:
        sys.stderr.write(f"note: {note}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
