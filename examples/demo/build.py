"""Build ``demo.facts.json`` from ``demo.txt``: the invented demo story, annotated completely.

Run from anywhere: ``python examples/demo/build.py [OUT_FOLDER]`` (default:
this folder).  The output is canonical and deterministic, so the committed
file equals what this script writes.

It uses only the public API: a :class:`ddfacts.Document` holds the text and
its Source and makes every record citing it.  Quotes are typed as they stand
in the text (offsets, prefixes and suffixes are computed); figures and times
are written as the text writes them and read by ``parse_quantity`` and
``parse_time`` (relative times against the publication date).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

import ddfacts
from ddfacts import (
    Members,
    Provenance,
    Quantity,
    Rank,
    Ranking,
    Rating,
    ResolvedAgainst,
)

HERE = Path(__file__).resolve().parent
TEXT = HERE / "demo.txt"
PUBLISHED = dt.date(2023, 3, 14)
#: Who recorded the demo, at a fixed time so that the build is deterministic.
PROVENANCE = Provenance(
    agent="ddfacts corpus annotators",
    method="manual",
    recorded=dt.datetime(2026, 11, 27, 12, 0, tzinfo=dt.timezone.utc),
)


def build() -> ddfacts.Document:
    """Declare the annotation of the demo story."""
    d = ddfacts.Document.from_file(
        TEXT,
        id="source:demo",
        title="A one-man press office wins followers for Veloria, and a summons for its ambassador",
        authors=["demo-mira-halden"],
        publisher="demo-harbour-ledger",
        published="Tuesday, 14 March 2023",
        language="en",
        kind="news_article",
        provenance=PROVENANCE,  # given to the Source and every record made below
    )

    # -- who ------------------------------------------------------------------
    ledger = d.actor(
        "demo-harbour-ledger",
        "newspaper",
        "The Harbour Ledger",
        aliases=["the Ledger"],
        description="Invented newspaper in Lindholm, Ostrland.",
        evidence=["The Harbour Ledger | Lindholm | Tuesday, 14 March 2023"],
    )
    halden = d.actor(
        "demo-mira-halden",
        "person",
        "Mira Halden",
        roles=[d.role("reporter", ledger, evidence=["By Mira Halden"])],
        evidence=["By Mira Halden"],
    )
    missions_abroad = "Veloria has 38 missions abroad, according to its foreign ministry."
    veloria = d.actor(
        "demo-veloria",
        "country",
        "Republic of Veloria",
        aliases=["Veloria"],
        description="Invented country.",
        evidence=[missions_abroad],
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
        evidence=[missions_abroad],
    )
    # One sentence carries the account, its followers then and now, and Brell's role.
    followers_now = (
        "The Twitter account of the Embassy of the Republic of Veloria in Lindholm,"
        " @VeloriaInOstr, now has more than 12,500 followers, up from about 900 in"
        " January 2020, when press attaché Tomas Brell took it over."
    )
    embassy = d.actor(
        "demo-embassy",
        "diplomatic_mission",
        "Embassy of the Republic of Veloria in Lindholm",
        aliases=["the embassy"],
        description="Veloria's embassy in Ostrland.",
        evidence=[followers_now],
    )
    headline = "A one-man press office wins followers for Veloria, and a summons for its ambassador"
    runs_alone = "Brell, 31, runs the account alone from a two-room press office on Quay Street."
    press_office = d.actor(
        "demo-press-office",
        "department",
        "Press office of the Velorian embassy in Lindholm",
        description="A one-man, two-room press office on Quay Street.",
        evidence=[headline, runs_alone],
    )
    # Brell has held the post since "January 2020": the words as written, read by
    # the annotator as an open span (EDTF), since the parser reads only the month.
    since_january_2020 = d.time("January 2020", edtf="2020-01/..")
    brell = d.actor(
        "demo-tomas-brell",
        "person",
        "Tomas Brell",
        roles=[d.role("press attaché", embassy, since_january_2020, evidence=[followers_now])],
        description="Press attaché of the Velorian embassy; runs its Twitter account alone.",
        evidence=[followers_now],
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
        evidence=[followers_now, runs_alone],
    )
    instagram_opened = "The embassy opened an Instagram account in 2021, which has 2,140 followers."
    instagram = d.actor(
        "demo-embassy-instagram",
        "account",
        "Velorian embassy in Lindholm on Instagram",
        platform="instagram",
        operated_by=embassy,
        evidence=[instagram_opened],
    )
    summoned = (
        "On Friday, 10 March, Ostrland's Ministry of Foreign Affairs summoned the"
        " Velorian ambassador, Ilse Varro, over a tweet that compared the Ostrlandic"
        " fisheries minister to a seagull."
    )
    varro = d.actor(
        "demo-ilse-varro",
        "person",
        "Ilse Varro",
        roles=[d.role("ambassador", embassy, evidence=[summoned])],
    )
    ostrland_mfa = d.actor(
        "demo-ostrland-mfa",
        "ministry",
        "Ministry of Foreign Affairs of Ostrland",
        description="The foreign ministry of Ostrland.",
        evidence=[summoned],
    )
    sandvall_says = (
        'A ministry spokesperson, Henrik Sandvall, called it "the third summons in three'
        ' months" in a statement on Saturday.'
    )
    sandvall = d.actor(
        "demo-henrik-sandvall",
        "person",
        "Henrik Sandvall",
        roles=[d.role("spokesperson", ostrland_mfa, evidence=[sandvall_says])],
    )
    minister = d.actor(
        "demo-ostrland-fisheries-minister",
        "person",
        "Fisheries minister of Ostrland (not named)",
        roles=[d.role("fisheries minister", ostrland)],
        description="Not named in the story.",
    )
    varro_interview = (
        "Varro defended the press office in an interview with the Velorian daily"
        " Le Courrier de Velor, given in French:"
    )
    courrier = d.actor(
        "demo-courrier-de-velor",
        "newspaper",
        "Le Courrier de Velor",
        names=[("Le Courrier de Velor", "fr", "official")],
        description="Invented Velorian daily newspaper, in French.",
        evidence=[varro_interview],
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
        evidence=[missions_para],
    )
    ranked = "By followers, the Lindholm account is the second largest, after the embassy in Rask."
    rask = d.actor(
        "demo-veloria-embassy-rask",
        "diplomatic_mission",
        "Embassy of Veloria in Rask",
        description="Its Twitter account has the most followers of Veloria's missions.",
        evidence=[ranked],
    )
    maren = d.actor(
        "demo-veloria-consulate-maren",
        "diplomatic_mission",
        "Consulate of Veloria in Maren",
        evidence=["Apart from the consulate in Maren,"],
    )

    # -- what happened --------------------------------------------------------
    # Relative times ("last week", "8 March") resolve against the publication date.
    d.event(
        "demo-publication",
        "publication",
        time="Tuesday, 14 March 2023",
        place="Lindholm",
        participants=[(ledger, "publisher"), (halden, "author")],
        about=[d.source.id],
        description="The Harbour Ledger publishes the story.",
        evidence=["The Harbour Ledger | Lindholm | Tuesday, 14 March 2023", "By Mira Halden"],
    )
    d.event(
        "demo-brell-takes-over-account",
        "account_takeover",
        time="January 2020",
        participants=[(brell, "agent"), (account, "subject")],
        description="Press attaché Tomas Brell takes over the embassy's Twitter account.",
        evidence=[followers_now],
    )
    tweets_since = (
        "Since then it has posted 4,312 tweets, Brell told the Ledger in an interview last week."
    )
    interview = d.event(
        "demo-brell-interview",
        "interview",
        time="last week",
        participants=[(brell, "interviewee"), (ledger, "interviewer")],
        description="Tomas Brell gives the Harbour Ledger an interview.",
        evidence=[tweets_since],
    )
    tweet = d.event(
        "demo-seagull-tweet",
        "post",
        time="8 March",
        participants=[(account, "agent"), (minister, "target")],
        description=(
            "The embassy tweets a comparison of Ostrland's fisheries minister to a seagull."
        ),
        evidence=[
            'The embassy had posted it on 8 March with a single emoji: "Fresh catch of the day 🐟".'
        ],
    )
    d.event(
        "demo-summons-2023-03-10",
        "summons",
        time="Friday, 10 March",
        participants=[(ostrland_mfa, "agent"), (varro, "target"), (embassy, "target")],
        about=[tweet],
        description="Ostrland's foreign ministry summons Veloria's ambassador over the tweet.",
        evidence=[summoned],
    )
    first_summons = (
        "It was the second summons of the ambassador this year, the embassy said; the first"
        " came on 9 January, over a dispute about fishing quotas."
    )
    d.event(
        "demo-summons-2023-01-09",
        "summons",
        time="9 January",
        participants=[(ostrland_mfa, "agent"), (varro, "target")],
        description="Veloria's ambassador is summoned over a dispute about fishing quotas.",
        evidence=[first_summons],
    )
    d.event(
        "demo-sandvall-statement",
        "statement",
        time="Saturday",
        participants=[(sandvall, "speaker"), (ostrland_mfa, "agent")],
        description="The ministry's spokesperson comments on the summons in a statement.",
        evidence=[sandvall_says],
    )
    d.event(
        "demo-varro-interview",
        "interview",
        # The text does not date the interview: some day up to publication.
        time=ddfacts.TimeSpan.from_edtf("../2023-03-14"),
        participants=[(varro, "interviewee"), (courrier, "interviewer")],
        description="Ambassador Varro defends the press office in an interview in French.",
        evidence=[varro_interview],
    )
    d.event(
        "demo-instagram-launch",
        "account_launch",
        time="2021",
        participants=[(embassy, "agent"), (instagram, "subject")],
        description="The embassy opens an Instagram account.",
        evidence=[instagram_opened],
    )

    # -- what is claimed ------------------------------------------------------
    # Present-tense figures hold "now": the day of publication.
    today = d.time("now", edtf="2023-03-14", relative_to=d.reference)
    d.claim(
        account,
        "followers",
        "more than 12,500 followers",
        id="account-followers-2023",
        as_of=today,
        text="The embassy's Twitter account @VeloriaInOstr has more than 12,500 followers.",
        evidence=[followers_now],
    )
    d.claim(
        account,
        "followers",
        "about 900",
        id="account-followers-2020",
        as_of="January 2020",
        text="The embassy's Twitter account had about 900 followers in January 2020.",
        evidence=[followers_now],
    )
    d.claim(
        account,
        "tweets",
        "4,312 tweets",
        id="account-tweets",
        as_of=d.time("Since then", edtf="2020-01/2023-03-12"),
        speaker=brell,
        mode="paraphrases",
        text="The account has posted 4,312 tweets since January 2020, its press attaché says.",
        evidence=[tweets_since],
        qualifiers={"event": interview.id},
    )
    d.claim(
        brell,
        "age",
        "31",
        id="brell-age",
        as_of=today,
        text="Tomas Brell is 31 years old.",
        evidence=[runs_alone],
    )
    # "one-man" is a figure parse_quantity does not read: the Quantity is written out.
    one_person = Quantity(
        amount=1, lower=1, upper=1, qualifier="exact", unit="person", expression="one-man"
    )
    d.claim(
        press_office,
        "staff",
        one_person,
        id="press-office-staff",
        as_of=today,
        text="The embassy's press office is one person, Tomas Brell.",
        evidence=[headline, runs_alone],
    )
    # What no property says is a proposition: the speaker's words, and what they are about.
    d.says(
        "We answer every question, even the rude ones",
        about=[press_office],
        id="brell-answers-every-question",
        speaker=brell,
        mode="quotes",
        text="Tomas Brell says the account answers every question, even the rude ones.",
        evidence=['"We answer every question, even the rude ones," he said.'],
    )
    d.claim(
        account,
        "share_of_audience",
        "About 60 per cent",
        id="followers-in-ostrland",
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
        minister,
        "characterized_as",
        "Fresh catch of the day 🐟",
        id="seagull-tweet",
        speaker=account,
        mode="quotes",
        text='The embassy\'s account tweeted "Fresh catch of the day 🐟" on 8 March 2023.',
        evidence=['"Fresh catch of the day 🐟"'],
    )
    embassy_count = d.claim(
        varro,
        "summonses",
        "the second summons",
        id="summons-count-embassy",
        as_of="this year",
        speaker=embassy,
        mode="paraphrases",
        text="The ambassador has been summoned twice this year, the embassy says.",
        evidence=[first_summons],
    )
    # "in three months" counts back from the spokesperson's statement on Saturday.
    saturday = ResolvedAgainst(date=dt.date(2023, 3, 11), basis="source:demo context")
    d.claim(
        varro,
        "summonses",
        "the third summons",
        id="summons-count-ministry",
        as_of=d.time("in three months", edtf="2022-12-11~/2023-03-11", relative_to=saturday),
        speaker=sandvall,
        mode="quotes",
        text="The ambassador has been summoned three times in three months, the ministry says.",
        evidence=[sandvall_says],
    )
    # The same words twice: in French as the Courrier quoted them, in the embassy's English.
    varro_fr = d.statement("« Nos portes restent ouvertes, même aux critiques. »", language="fr")
    d.says(
        "Nos portes restent ouvertes, même aux critiques.",
        about=[embassy],
        language="fr",
        id="varro-doors-open-fr",
        speaker=varro,
        mode="quotes",
        chain=[(courrier, "quotes", "fr")],
        original_language="fr",
        text="Ambassador Varro told Le Courrier de Velor, in French, that the embassy's doors"
        " remain open, even to critics.",
        evidence=[varro_fr],
    )
    d.says(
        "Our doors remain open, even to critics.",
        about=[embassy],
        id="varro-doors-open-en",
        speaker=varro,
        mode="translates",
        chain=[(courrier, "quotes", "fr"), (embassy, "translates", "en")],
        original_language="fr",
        text="In the embassy's English translation, Varro said: our doors remain open, even to"
        " critics.",
        evidence=[
            "The embassy's own English translation reads: \"Our doors remain open, even to"
            ' critics."'
        ],
    )
    # "We answer every question" occurs twice: this claim cites the repetition.
    keeps_style = "Brell said the press office would keep its style."
    d.says(
        "We answer every question, and we will answer this one too.",
        about=[press_office],
        id="brell-keeps-style",
        speaker=brell,
        mode="quotes",
        text="Brell says the press office will keep its style and answer this question too.",
        evidence=[
            keeps_style,
            d.statement("We answer every question", after=keeps_style),
            '"and we will answer this one too."',
        ],
    )
    d.claim(
        instagram,
        "followers",
        "2,140 followers",
        id="instagram-followers",
        as_of=today,
        text="The embassy's Instagram account has 2,140 followers.",
        evidence=[instagram_opened],
    )
    d.claim(
        veloria,
        "missions",
        "38 missions",
        id="veloria-missions",
        as_of=today,
        speaker=veloria_mfa,
        mode="reports",
        text="Veloria has 38 missions abroad, according to its foreign ministry.",
        evidence=[missions_abroad],
    )
    # Counts under a condition, one narrowing the other.
    over_1000 = d.claim(
        veloria,
        "accounts",
        "14",
        id="accounts-over-1000",
        where=("followers", "more than 1,000"),
        as_of=today,
        qualifiers={"platform": "twitter"},
        text="14 of Veloria's missions have Twitter accounts with more than 1,000 followers.",
        evidence=[missions_para],
    )
    d.claim(
        veloria,
        "accounts",
        "3",
        id="accounts-over-10000",
        where=("followers", "more than 10,000"),
        refines=over_1000,
        as_of=today,
        qualifiers={"platform": "twitter"},
        text="3 of those 14 mission accounts have more than 10,000 followers.",
        evidence=[missions_para],
    )
    # A figure rounded to the thousand says so.
    total = Quantity(
        amount=52000,
        lower=52000,
        upper=52000,
        qualifier="exact",
        unit="follower",
        expression="52,000 followers",
        rounded_to=1000,
    )
    d.claim(
        mission_accounts,
        "followers",
        total,
        id="mission-accounts-followers",
        as_of=today,
        text="Together the Twitter accounts of Veloria's missions have 52,000 followers"
        " (a figure rounded to the thousand).",
        evidence=["together the missions' accounts have 52,000 followers."],
    )
    by_followers = Ranking(of=mission_accounts.id, measure="followers", as_of=today)
    d.claim(
        account,
        "rank",
        Rank(position=2, ranking=by_followers),
        id="account-rank",
        text="By followers, the Lindholm embassy's account is the second largest of Veloria's"
        " mission accounts.",
        evidence=[ranked],
    )
    d.claim(
        rask,
        "rank",
        Rank(position=1, ranking=by_followers),
        id="rask-rank",
        text="The embassy in Rask has the largest Twitter following of Veloria's missions.",
        evidence=[ranked],
    )
    # What each member of a group has, and what an average one has.
    each_of_rest = (
        "Apart from the consulate in Maren, each of the other missions' accounts has at most"
        " 400 followers, Brell said, and an average one has 200 to 300."
    )
    d.claim(
        mission_accounts,
        "followers",
        "at most 400 followers",
        id="other-accounts-each",
        members=Members(scope="each", excluding=[maren.id]),
        where=("followers", "at most 1,000"),
        as_of=today,
        speaker=brell,
        mode="paraphrases",
        text="Each of the other mission accounts, except the consulate in Maren's, has at most"
        " 400 followers, Brell says.",
        evidence=[each_of_rest],
    )
    d.claim(
        mission_accounts,
        "followers",
        "200 to 300",
        id="other-accounts-average",
        members="average",
        where=("followers", "at most 1,000"),
        as_of=today,
        speaker=brell,
        mode="paraphrases",
        text="An average one of the other mission accounts has 200 to 300 followers, Brell says.",
        evidence=[each_of_rest],
    )
    d.review(
        embassy_count,
        rating=Rating(value=5, best=5, worst=1, label="True"),
        reviewer=factcheck,
        published=PUBLISHED,
        url="https://harbour-ledger.example/fact-check/summons-count",
        explanation=(
            "The story reports two summonses of the ambassador in 2023, on 9 January and on"
            " 10 March; the ministry's count of three in three months is not borne out by it."
        ),
        evidence=[summoned, first_summons],
    )
    d.statement(
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
    ddfacts.dump(build().factset(), out / "demo.facts.json")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
