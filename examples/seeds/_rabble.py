"""Seed 000: David Climenhaga's rabble.ca post on Kirill Kalinin (February 2018)."""

from __future__ import annotations

import datetime as dt

import attrs
from _seeding import Document, span
from _shared import (
    CANADA,
    CANADIAN_EMBASSY_MOSCOW,
    RUSSIA,
    RUSSIAN_EMBASSY_CANADA,
    RUSSIAN_EMBASSY_CANADA_TWITTER,
    RUSSIAN_MFA,
    SOVIET_UNION,
    THE_WEST,
    TWITTER,
    UKRAINE,
    UNITED_KINGDOM,
    USA,
)

from ddfacts import Hop, Proposition, TimeSpan

SOURCE = "source:rabble-kalinin"
FILE = "000_ebea2a00771ec505.txt"

TITLE = "He’s no bot, but Russia's media guy in Canada manages to stir up controversy just the same"
INFLUENTIAL = (
    "Ottawa. You've likely never heard of him, but Kirill Kalinin may be one of the more"
    " influential media-relations operators in Canada."
)
RUNS = (
    "He also runs -- apparently single handedly -- a pretty savvy social media operation with"
    " more than 9,000 followers on Twitter."
)
HANDLE_NAME = (
    "If most Canadians have never heard of Kalinin, it's because he Tweets under the handle"
    ' "Russia in Canada."'
)
HANDLE = "That, in turn, is to be found on Twitter at @RussianEmbassyC."
PRESS_SECRETARY = "Kalinin is Press Secretary of the Embassy of the Russian Federation in Ottawa."
TOOK_OVER = (
    "When he took over the account in December 2014, the Embassy had sent out 414 Tweets over the"
    " previous two years and had about 350 followers."
)
SINCE = "Since then, it's Tweeted more than 28,000 times."
CANADA_MOSCOW = (
    "By contrast, the Twitter account of the Canadian Embassy in Moscow has about 2,000 followers"
    " and mostly re-Tweets government of Canada news releases."
)
CANADA_IN_RUSSIA = '"Canada in Russia," found @CanadaRussia, seems to Tweet only in English.'
POST_STORY = (
    "Case in point: the recent story that received strong play in the National Post about"
    " memorials in several Canadian cities, including Edmonton, to Ukrainian military formations"
    " that supported the Nazis and, in the case of the so-called Galician Division of the Waffen"
    " SS, were part of the German army that attacked Russia in World War II."
)
DISCORD = (
    'It accused the Russian Embassy of trying to sow discord in the West, "part of a broader'
    ' strategy to disrupt the political process in Western democracies."'
)
EXTENSION = (
    "And its reporter called Kalinin's Tweet \"an apparent digital extension of its conflict with"
    ' Ukraine."'
)
NOTE_TO_POST = (
    '"We wanted to let our followers on Twitter know that even today in Canada you can find'
    " monuments to Nazi collaborators that committed atrocities in the Soviet Union, Poland, etc."
    " and fought against the heroic Red Army that was allied with Canada, U.S. and Britain during"
    ' the Second World War," he said in a note to the Post featured prominently in the story.'
)
PARALLEL = (
    "It's unlikely the Post and a few other media organizations would even have covered the story"
    " -- which was soon making waves south of the 49th Parallel too -- were it not for Kalinin's"
    " efforts to promote it to journalists."
)
AGE = "Kalinin is 32 years old."
FIRST_SECRETARY = (
    "That's young to be a diplomat with the rank of First Secretary in the Russian Foreign Service"
    " -- or the diplomatic services of most countries."
)
GRADUATE = (
    "He's a graduate of the faculty of Foreign Languages and Area Studies at Moscow State"
    " University."
)
JOINED = "He joined the Russian Foreign Service in 2006."
ASSIGNED = "He was assigned to the embassy in Canada the next year and stayed there until 2010."
ASSISTANT = (
    "Back in Moscow, he served as assistant to Alexander Darchiev, then director of the Foreign"
    " Affairs Ministry's North America Department."
)
SENT_BACK = (
    "In 2013, Moscow sent Kalinin back to Ottawa where, the next year, Darchiev turned up as"
    " Ambassador."
)
INTERVIEW = (
    "That said, Kalinin struck me as a pretty sharp guy when I interviewed him at the Russian"
    " Embassy in Ottawa last week."
)
GLOBE = (
    "He's in yesterday's Globe and Mail, for example, brushing off Russia's exclusion from the G7"
    " by slyly dismissing meetings of the seven countries with the world's largest economies as a"
    " relic of a unipolar past."
)
VENUE = (
    "Kalinin chose the venue: the imposing Soviet-era pile on Charlotte Street that's been"
    " Russia's Embassy under a couple of different forms of government since 1956, when the"
    " previous structure burned down."
)
CENTURY = (
    "Just as you would expect, there was mineral water on the table -- but this being the"
    " globalized 21st Century, it was Perrier."
)
REICHSTAG = (
    "The wall in the reception room where we met, though, displayed a replica of the flag the Red"
    " Army hoisted over the Reichstag in Berlin on May 2, 1945 … just in case you were wondering"
    " how the Russians feel today about the events that transpired between 1941 and that day."
)
EVERY_EMBASSY = (
    "Every Russian Embassy has a press secretary now responsible not just for traditional news"
    " releases, but for a social media program prepared to bypass media filters and take Russia's"
    " positions directly to the citizens of other countries, Kalinin acknowledged."
)
SENIOR = (
    'Russia\'s press secretaries are mostly "senior level diplomats," he added, typically with'
    " the rank of First Secretary."
)
DIRECT_MESSAGE = (
    "But if you're a Canadian reporter who covers geopolitical issues, you've likely received a"
    " message from Kalinin, probably via direct message on Twitter, quite possibly trying to steer"
    " you toward a story he thinks you might cover."
)
REACTING = "Most of the time (reacting) to Canadian unilateral sanctions or open hostile policies."
EIGHTY = "Eighty per cent of the time, we get engaged in civilized discussion."
ALSO_APPEARS = "This post also appears on David Climenhaga's blog, AlbertaPolitics.ca"
# The byline after the post; the first ": David Climenhaga" is the photo credit ("Image: ...").
BYLINE = (": David Climenhaga", 2)


def annotate(d: Document) -> None:
    """Declare everything the rabble.ca post says."""
    t = d.time
    published = span("2018-02", expression="2018/02 (the URL's path)")
    now = span("2018-02", expression="now", relative_to=d.relative_to)
    # -- who ------------------------------------------------------------------
    rabble = d.actor(
        "rabble-ca",
        "media_outlet",
        "rabble.ca",
        aliases=["rabble"],
        description="Canadian progressive news and blog site.",
        evidence=d.ev(
            "rabble blogs are the personal pages of some of Canada's most"
            " insightful progressive activists and commentators."
        ),
    )
    climenhaga = d.actor(
        "david-climenhaga",
        "person",
        "David Climenhaga",
        roles=[d.role("blogger", rabble, published, BYLINE)],
        evidence=d.ev(BYLINE, "Kirill Kalinin. Image: David Climenhaga"),
    )
    alberta_politics = d.actor(
        "albertapolitics-ca",
        "media_outlet",
        "AlbertaPolitics.ca",
        description="David Climenhaga's blog.",
        evidence=d.ev(ALSO_APPEARS),
    )
    north_america = d.actor(
        "russian-mfa-north-america-department",
        "department",
        "North America Department of the Russian Foreign Ministry",
        evidence=d.ev(ASSISTANT),
    )
    darchiev = d.actor(
        "alexander-darchiev",
        "person",
        "Alexander Darchiev",
        roles=[
            d.role(
                "director of the North America Department",
                north_america,
                span("2010/2013", expression="then"),
                ASSISTANT,
            ),
            d.role(
                "ambassador to Canada",
                RUSSIAN_EMBASSY_CANADA,
                span("2014/..", expression="the next year"),
                SENT_BACK,
            ),
        ],
        evidence=d.ev(ASSISTANT, SENT_BACK),
    )
    msu = d.actor(
        "moscow-state-university", "university", "Moscow State University", evidence=d.ev(GRADUATE)
    )
    faculty = d.actor(
        "msu-faculty-of-foreign-languages",
        "department",
        "Faculty of Foreign Languages and Area Studies, Moscow State University",
        evidence=d.ev(GRADUATE),
    )
    kalinin = d.actor(
        "kirill-kalinin",
        "person",
        "Kirill Kalinin",
        roles=[
            d.role("graduate", faculty, None, GRADUATE),
            d.role("diplomat", RUSSIAN_MFA, span("2006/..", expression="in 2006"), JOINED),
            d.role(
                "diplomat",
                RUSSIAN_EMBASSY_CANADA,
                span("2007/2010", expression="the next year … until 2010"),
                ASSIGNED,
            ),
            d.role("assistant to the director", north_america, span("2010/2013"), ASSISTANT),
            d.role(
                "diplomat", RUSSIAN_EMBASSY_CANADA, span("2013/..", expression="In 2013"), SENT_BACK
            ),
            d.role("press secretary", RUSSIAN_EMBASSY_CANADA, now, PRESS_SECRETARY),
            d.role("First Secretary", RUSSIAN_MFA, now, FIRST_SECRETARY),
        ],
        description="Press secretary of Russia's embassy in Ottawa; runs its Twitter account.",
        evidence=d.ev(INFLUENTIAL, PRESS_SECRETARY),
    )
    canada_twitter = d.actor(
        "canadarussia",
        "account",
        "Canada in Russia",
        platform="twitter",
        handle="@CanadaRussia",
        operated_by=CANADIAN_EMBASSY_MOSCOW,
        identifiers=[("twitter", "@CanadaRussia")],
        evidence=d.ev(CANADA_MOSCOW, CANADA_IN_RUSSIA),
    )
    post = d.actor(
        "national-post",
        "newspaper",
        "National Post",
        aliases=["the Post"],
        evidence=d.ev(POST_STORY),
    )
    globe = d.actor("globe-and-mail", "newspaper", "The Globe and Mail", evidence=d.ev(GLOBE))
    g7 = d.actor(
        "g7",
        "international_organization",
        "G7",
        description="The group of seven countries with the world's largest economies.",
        evidence=d.ev(GLOBE),
    )
    galician = d.actor(
        "galician-division",
        "armed_forces",
        "Galician Division of the Waffen SS",
        evidence=d.ev(POST_STORY),
    )
    red_army = d.actor("red-army", "armed_forces", "Red Army", evidence=d.ev(NOTE_TO_POST))
    germany = d.actor(
        "germany",
        "country",
        "Germany",
        description="Nazi Germany, whose army attacked the Soviet Union in World War II.",
        evidence=d.ev(POST_STORY),
    )
    d.source(
        title="He’s no bot, but Russia's media guy in Canada manages to stir up controversy just"
        " the same",
        authors=[climenhaga],
        publisher=rabble,
        url="https://rabble.ca/blogs/bloggers/alberta-diary/2018/02/"
        "he%E2%80%99s-no-bot-russias-media-guy-canada-manages-stir-controversy",
        published=published,
        language="en",
        kind="blog_post",
        links=[
            {
                "kind": "also_appears_at",
                "url": "https://albertapolitics.ca/",
                "evidence": d.ev(ALSO_APPEARS),
            }
        ],
        extensions={"x-published-note": "The text has no date; the URL's path says 2018/02."},
    )
    # -- what happened --------------------------------------------------------
    d.event(
        "rabble-kalinin-publication",
        "publication",
        time=published,
        participants=[(rabble, "publisher"), (climenhaga, "author")],
        about=[SOURCE],
        description="rabble.ca publishes David Climenhaga's post.",
        evidence=[TITLE, BYLINE],
    )
    d.event(
        "albertapolitics-publication",
        "publication",
        time=span("2018-02"),
        participants=[(alberta_politics, "publisher"), (climenhaga, "author")],
        about=[SOURCE],
        description="The same post appears on AlbertaPolitics.ca.",
        evidence=[ALSO_APPEARS],
    )
    d.event(
        "kalinin-takes-over-account",
        "account_takeover",
        time=t("December 2014", "2014-12"),
        participants=[(kalinin, "agent"), (RUSSIAN_EMBASSY_CANADA_TWITTER, "subject")],
        description="Kirill Kalinin takes over the embassy's Twitter account.",
        evidence=[TOOK_OVER],
    )
    d.event(
        "kalinin-joins-foreign-service",
        "appointment",
        time=t("in 2006", "2006"),
        participants=[(kalinin, "appointee"), (RUSSIAN_MFA, "appointer")],
        description="Kalinin joins the Russian Foreign Service.",
        evidence=[JOINED],
    )
    d.event(
        "kalinin-posted-to-canada-2007",
        "appointment",
        time=t("the next year", "2007", relative=True, relative_to=dt.date(2006, 1, 1)),
        participants=[(kalinin, "appointee"), (RUSSIAN_MFA, "appointer")],
        description="Kalinin is assigned to the embassy in Canada, where he stays until 2010.",
        evidence=[ASSIGNED],
    )
    d.event(
        "kalinin-posted-to-canada-2013",
        "appointment",
        time=t("In 2013", "2013"),
        participants=[(kalinin, "appointee"), (RUSSIAN_MFA, "appointer")],
        description="Moscow sends Kalinin back to Ottawa.",
        evidence=[SENT_BACK],
    )
    d.event(
        "darchiev-ambassador-2014",
        "appointment",
        time=span("2014", expression="the next year"),
        participants=[(darchiev, "appointee"), (RUSSIAN_MFA, "appointer")],
        description="Alexander Darchiev becomes Russia's ambassador in Ottawa.",
        evidence=[SENT_BACK],
    )
    interview = d.event(
        "climenhaga-interviews-kalinin",
        "interview",
        time=t("last week", relative=True),
        place="Russian Embassy in Ottawa",
        participants=[(kalinin, "interviewee"), (climenhaga, "interviewer")],
        description="David Climenhaga interviews Kirill Kalinin at the embassy.",
        evidence=[INTERVIEW, "Now, the interview was your blogger's idea."],
    )
    post_story = d.event(
        "national-post-memorials-story",
        "publication",
        time=span("2014-12/2018-02", expression="the recent story"),
        participants=[(post, "publisher")],
        description="The National Post reports on memorials in Canada to Ukrainian formations"
        " that supported the Nazis, prompted by the embassy's tweets.",
        evidence=[POST_STORY, NOTE_TO_POST],
    )
    kalinin_tweet = d.event(
        "kalinin-memorials-tweet",
        "tweet",
        time=span("2014-12/2018-02"),
        participants=[(RUSSIAN_EMBASSY_CANADA_TWITTER, "agent"), (TWITTER, "platform")],
        description="The embassy's account tweets about memorials to Nazi collaborators in Canada.",
        evidence=[EXTENSION, NOTE_TO_POST],
    )
    globe_story = d.event(
        "globe-and-mail-g7-story",
        "publication",
        time=t("yesterday's", relative=True),
        participants=[(globe, "publisher"), (kalinin, "subject")],
        description="The Globe and Mail quotes Kalinin on Russia's exclusion from the G7.",
        evidence=[GLOBE],
    )
    ww2 = span("1939/1945", expression="World War II")
    d.event(
        "world-war-ii",
        "war",
        time=ww2,
        participants=[
            (SOVIET_UNION, "participant"),
            (CANADA, "participant"),
            (USA, "participant"),
            (UNITED_KINGDOM, "participant"),
            (germany, "participant"),
        ],
        description='World War II, in which the German army attacked the Soviet Union ("Russia")'
        " and the Red Army was allied with Canada, the U.S. and Britain.",
        evidence=[POST_STORY, NOTE_TO_POST],
    )
    berlin = t("May 2, 1945", "1945-05-02")
    d.event(
        "soviet-german-war",
        "war",
        # "that day" is the antecedent, May 2, 1945.
        time=t("between 1941 and that day", relative=True, relative_to=berlin),
        participants=[(red_army, "participant")],
        description="The war between Germany and the Soviet Union, 1941 to the fall of Berlin.",
        evidence=[REICHSTAG],
    )
    d.event(
        "reichstag-flag",
        "flag_raising",
        time=berlin,
        place="Berlin",
        participants=[(red_army, "agent")],
        description="The Red Army hoists its flag over the Reichstag in Berlin.",
        evidence=[REICHSTAG],
    )
    d.event(
        "embassy-building-fire",
        "fire",
        time=t("1956", "1956"),
        place="Ottawa",
        participants=[(RUSSIAN_EMBASSY_CANADA, "subject")],
        description="The embassy's previous building burns down; the text gives no cause.",
        evidence=[VENUE],
    )
    # -- what is claimed ------------------------------------------------------
    account = RUSSIAN_EMBASSY_CANADA_TWITTER
    c = d.claim
    c(
        "embassy-account-followers-2018",
        account,
        "followers",
        d.qty("more than 9,000 followers", "more_than", 9000, "follower"),
        as_of=now,
        text="The Russian embassy's Twitter account has more than 9,000 followers.",
        evidence=[RUNS],
    )
    c(
        "kalinin-runs-account",
        account,
        "operator",
        kalinin,
        as_of=span("2014-12/2018-02", expression="Since then"),
        text="Kirill Kalinin runs the embassy's Twitter account.",
        evidence=[RUNS, HANDLE_NAME, TOOK_OVER],
    )
    c(
        "kalinin-runs-account-alone",
        None,
        None,
        None,
        proposition=Proposition(
            text="Kalinin runs the embassy's social media operation single handedly.",
            about=[kalinin, account],
        ),
        certainty="probable",
        hedge="apparently",
        as_of=now,
        text="Kalinin apparently runs the embassy's social media operation on his own.",
        evidence=[RUNS],
    )
    c(
        "embassy-account-display-name",
        account,
        "display_name",
        "Russia in Canada",
        text="The embassy's Twitter account is called Russia in Canada.",
        evidence=[HANDLE_NAME],
    )
    c(
        "embassy-account-handle",
        account,
        "handle",
        "@RussianEmbassyC",
        text="The account's handle is @RussianEmbassyC.",
        evidence=[HANDLE],
    )
    c(
        "kalinin-press-secretary",
        kalinin,
        "position",
        "Press Secretary",
        as_of=now,
        qualifiers={"organization": RUSSIAN_EMBASSY_CANADA},
        text="Kalinin is press secretary of the Russian embassy in Ottawa.",
        evidence=[PRESS_SECRETARY],
    )
    took_over = t("December 2014", "2014-12")
    c(
        "kalinin-took-over",
        kalinin,
        "took_over",
        took_over,
        qualifiers={"what": account},
        text="Kalinin took over the embassy's Twitter account in December 2014.",
        evidence=[TOOK_OVER],
    )
    c(
        "embassy-account-tweets-2012-2014",
        account,
        "tweets",
        d.qty("414 Tweets", "exact", 414, "tweet"),
        # The two years before he took over, known to the month.
        as_of=t("over the previous two years", relative=True, relative_to=took_over),
        qualifiers={"period": "the two years before December 2014"},
        text="The embassy's account sent 414 tweets in the two years before December 2014.",
        evidence=[TOOK_OVER],
    )
    c(
        "embassy-account-followers-2014",
        account,
        "followers",
        d.qty("about 350 followers", "approximately", 350, "follower"),
        as_of=t("December 2014", "2014-12"),
        text="The embassy's account had about 350 followers in December 2014.",
        evidence=[TOOK_OVER],
    )
    c(
        "embassy-account-tweets-since-2014",
        account,
        "tweets",
        d.qty("more than 28,000 times", "more_than", 28000, "tweet"),
        as_of=span("2014-12/2018-02", expression="Since then"),
        qualifiers={"period": "since December 2014"},
        text="The embassy's account has tweeted more than 28,000 times since December 2014.",
        evidence=[SINCE],
    )
    c(
        "canadarussia-followers",
        canada_twitter,
        "followers",
        d.qty("about 2,000 followers", "approximately", 2000, "follower"),
        as_of=now,
        text="The Canadian embassy in Moscow's Twitter account has about 2,000 followers.",
        evidence=[CANADA_MOSCOW],
    )
    c(
        "canadarussia-retweets",
        None,
        None,
        None,
        proposition=Proposition(
            text="The account mostly re-Tweets government of Canada news releases.",
            about=[canada_twitter, CANADA],
        ),
        as_of=now,
        text="The Canadian embassy's account mostly retweets Canadian government news releases.",
        evidence=[CANADA_MOSCOW],
    )
    c(
        "canadarussia-english-only",
        canada_twitter,
        "language",
        "en",
        proposition=Proposition(
            text="@CanadaRussia Tweets only in English.", about=[canada_twitter]
        ),
        certainty="possible",
        hedge="seems to",
        as_of=now,
        text="@CanadaRussia seems to tweet only in English.",
        evidence=[CANADA_IN_RUSSIA],
    )
    c(
        "canadarussia-display-name",
        canada_twitter,
        "display_name",
        "Canada in Russia",
        text="The Canadian embassy's account is called Canada in Russia.",
        evidence=[CANADA_IN_RUSSIA],
    )
    c(
        "kalinin-influential",
        kalinin,
        "characterized_as",
        "one of the more influential media-relations operators in Canada",
        certainty="possible",
        hedge="may be",
        text="Kalinin may be one of the more influential media-relations operators in Canada.",
        evidence=[INFLUENTIAL],
    )
    c(
        "kalinin-no-bot",
        kalinin,
        "characterized_as",
        "no bot",
        text="Kalinin is no bot.",
        evidence=[TITLE, "Be that as it may, Kalinin is no bot."],
    )
    c(
        "post-sow-discord",
        None,
        None,
        None,
        proposition=Proposition(
            text="The Russian Embassy is trying to sow discord in the West, part of a broader"
            " strategy to disrupt the political process in Western democracies.",
            about=[RUSSIAN_EMBASSY_CANADA, THE_WEST],
        ),
        speaker=post,
        mode="paraphrases",
        qualifiers={"event": post_story},
        text="The National Post accused the Russian embassy of trying to sow discord in the West.",
        evidence=[DISCORD],
    )
    c(
        "post-digital-extension",
        kalinin_tweet,
        "characterized_as",
        "an apparent digital extension of its conflict with Ukraine",
        speaker=post,
        mode="quotes",
        qualifiers={"about": UKRAINE},
        text="The Post's reporter called Kalinin's tweet a digital extension of Russia's conflict"
        " with Ukraine.",
        evidence=[EXTENSION],
    )
    c(
        "kalinin-note-to-post",
        None,
        None,
        None,
        proposition=Proposition(
            text="Even today in Canada you can find monuments to Nazi collaborators that"
            " committed atrocities in the Soviet Union, Poland, etc. and fought against the"
            " heroic Red Army.",
            about=[CANADA, red_army, SOVIET_UNION],
        ),
        speaker=kalinin,
        mode="quotes",
        chain=[Hop(by=post, mode="quotes", language="en")],
        # "even today": the present of the note, which the recent story carried; the war is
        # only the time of what the collaborators did, not of the monuments' existence.
        as_of=span("2014-12/2018-02", expression="even today"),
        qualifiers={"event": post_story},
        text="Kalinin told the National Post Canada has monuments to Nazi collaborators.",
        evidence=[NOTE_TO_POST],
    )
    c(
        "galician-division-german-army",
        galician,
        "characterized_as",
        "part of the German army that attacked Russia in World War II",
        as_of=ww2,
        # The text's "Russia" is the Soviet Union, which the German army attacked in 1941.
        qualifiers={"about": SOVIET_UNION},
        text="The Galician Division of the Waffen SS was part of the German army that attacked"
        " the Soviet Union (the text says Russia) in World War II.",
        evidence=[POST_STORY],
    )
    c(
        "story-reached-the-us",
        None,
        None,
        None,
        proposition=Proposition(
            text="The story was soon making waves south of the 49th Parallel too.",
            about=[post_story, USA],
        ),
        text="The National Post story soon made waves in the United States too.",
        evidence=[PARALLEL],
    )
    c(
        "kalinin-age",
        kalinin,
        "age",
        d.qty("32 years old", "exact", 32, "year"),
        as_of=now,
        text="Kirill Kalinin is 32 years old.",
        evidence=[AGE],
    )
    c(
        "kalinin-first-secretary",
        kalinin,
        "position",
        "First Secretary",
        as_of=now,
        qualifiers={"organization": RUSSIAN_MFA},
        text="Kalinin holds the rank of First Secretary in the Russian Foreign Service.",
        evidence=[FIRST_SECRETARY],
    )
    c(
        "kalinin-msu",
        kalinin,
        "affiliation",
        faculty,
        text="Kalinin graduated from the Faculty of Foreign Languages and Area Studies at Moscow"
        " State University.",
        evidence=[GRADUATE],
        qualifiers={"parent": msu},
    )
    c(
        "kalinin-studied-canada",
        None,
        None,
        None,
        proposition=Proposition(
            text="While studying at Moscow State University, Kalinin focused on North America,"
            " with an emphasis on Canada.",
            about=[kalinin, msu, CANADA],
        ),
        text="At university Kalinin focused on North America, with an emphasis on Canada.",
        evidence=["While studying there, he focused on North America, with an emphasis on Canada."],
    )
    c(
        "kalinin-joined",
        kalinin,
        "joined",
        t("in 2006", "2006"),
        qualifiers={"organization": RUSSIAN_MFA},
        text="Kalinin joined the Russian Foreign Service in 2006.",
        evidence=[JOINED],
    )
    c(
        "g7-seven-countries",
        g7,
        "members",
        d.qty("the seven countries", "exact", 7, "member"),
        text="The G7 is seven countries with the world's largest economies.",
        evidence=[GLOBE],
    )
    c(
        "kalinin-g7-relic",
        g7,
        "characterized_as",
        "a relic of a unipolar past",
        speaker=kalinin,
        mode="paraphrases",
        chain=[Hop(by=globe, mode="reports", language="en")],
        qualifiers={"event": globe_story},
        text="Kalinin dismissed G7 meetings as a relic of a unipolar past.",
        evidence=[GLOBE],
    )
    c(
        "embassy-on-charlotte-street",
        RUSSIAN_EMBASSY_CANADA,
        "headquarters",
        "Charlotte Street, Ottawa",
        as_of=span("1956/..", expression="since 1956"),
        text="Russia's embassy has been on Charlotte Street since 1956, when the previous"
        " building burned down.",
        evidence=[VENUE],
    )
    for slug, words, certainty, hedge, quote in (
        (
            "embassy-served-perrier",
            "At the interview there was mineral water on the table, and it was Perrier.",
            "certain",
            None,
            CENTURY,
        ),
        (
            "embassy-gold-trimmed-cups",
            "At the interview coffee was served in cups trimmed with real gold.",
            "probable",
            "what looked like",
            "Coffee was served in cups trimmed with what looked like real gold.",
        ),
    ):
        c(
            slug,
            None,
            None,
            None,
            proposition=Proposition(text=words, about=[RUSSIAN_EMBASSY_CANADA]),
            certainty=certainty,
            hedge=hedge,
            as_of=interview_time(d),
            qualifiers={"event": interview},
            text=words,
            evidence=[quote],
        )
    _interview_claims(d, kalinin=kalinin, account=account, interview=interview)
    _pitching_claims(d, kalinin=kalinin, post=post, post_story=post_story, galician=galician)
    c(
        "russia-excluded-from-g7",
        None,
        None,
        None,
        proposition=Proposition(text="Russia is excluded from the G7.", about=[RUSSIA, g7]),
        as_of=now,
        text="Russia has been excluded from the G7.",
        evidence=[GLOBE],
    )
    # Page furniture: statements only, so that every figure in the text is accounted for.
    d.st(
        "Please chip in to support more articles like this. Support rabble.ca for as little as"
        " $5 per month!",
        note="Page furniture: rabble.ca's donation appeal, not the post.",
    )
    d.st(
        "We get hundreds of thousands of visitors and we believe in them.",
        note="Page furniture: rabble.ca's donation appeal (its own claim about its audience).",
    )
    d.st(
        "It's young enough, I suppose, for him to get away with saying he's a Metallica fan!",
        note="Colour: Kalinin says he is a Metallica fan.",
    )
    d.st(
        "We're all just one Tweet away from unemployment, of course, but I imagine the risks are"
        " somewhat higher for Russian diplomats.",
        note="A figure of speech, not a figure.",
    )


def interview_time(d: Document) -> TimeSpan:
    """The time of the interview ("last week"), for claims made at it."""
    return d.time("last week", relative=True)


def _interview_claims(d: Document, *, kalinin: str, account: str, interview: str) -> None:
    """What Kalinin told the author at the embassy: Russia's press secretaries, social media."""
    at_interview = {"event": interview}
    secretaries = d.actor(
        "russian-embassy-press-secretaries",
        "group",
        "Press secretaries of Russia's embassies",
        description="The press secretary every Russian embassy has, as a group.",
        evidence=d.ev(EVERY_EMBASSY, SENIOR),
    )
    d.claim(
        "kalinin-every-embassy-press-secretary",
        None,
        None,
        None,
        proposition=Proposition(
            text="Every Russian Embassy has a press secretary now responsible not just for"
            " traditional news releases, but for a social media program that takes Russia's"
            " positions directly to the citizens of other countries.",
            about=[RUSSIAN_MFA, secretaries],
        ),
        speaker=kalinin,
        mode="paraphrases",
        qualifiers=at_interview,
        text="Kalinin says every Russian embassy has a press secretary who also runs social media.",
        evidence=[EVERY_EMBASSY],
    )
    # "mostly", "typically": about most of the group's members.  Recorded as a proposition:
    # the vocabulary's `position` applies to persons, and validation reads the subject's
    # type without the claim's `members` (a group's members are persons).
    d.claim(
        "kalinin-senior-diplomats",
        None,
        None,
        None,
        proposition=Proposition(
            text="Russia's press secretaries are mostly senior level diplomats, typically with"
            " the rank of First Secretary.",
            about=[secretaries, RUSSIAN_MFA],
        ),
        speaker=kalinin,
        mode="paraphrases",
        qualifiers=at_interview,
        text="Kalinin says Russia's press secretaries are mostly senior diplomats, typically"
        " First Secretaries.",
        evidence=[SENIOR],
    )
    d.claim(
        "kalinin-age-of-social-media",
        None,
        None,
        None,
        proposition=Proposition(
            text="We've stepped into the age of Internet and social media. It's definitely"
            " here to stay.",
            about=[RUSSIAN_MFA],
        ),
        speaker=kalinin,
        mode="quotes",
        qualifiers=at_interview,
        text="Kalinin says social media is here to stay.",
        evidence=[
            '"We\'ve stepped into the age of Internet and social media," he observed.',
            "It's definitely here to stay.",
        ],
    )
    fraction = (
        "From my experience, I would say that the traditional press release is only a"
        " small fraction of how we get our messages across."
    )
    d.claim(
        "kalinin-press-release-fraction",
        None,
        None,
        None,
        proposition=Proposition(
            text="The traditional press release is only a small fraction of how we get our"
            " messages across.",
            about=[RUSSIAN_EMBASSY_CANADA],
        ),
        speaker=kalinin,
        mode="quotes",
        qualifiers=at_interview,
        text="Kalinin says press releases are a small part of how the embassy gets its message"
        " across.",
        evidence=[fraction],
    )
    d.claim(
        "kalinin-press-releases-react-to-sanctions",
        None,
        None,
        None,
        proposition=Proposition(
            text="Most of the time the traditional press release is reacting to Canadian"
            " unilateral sanctions or open hostile policies.",
            about=[RUSSIAN_EMBASSY_CANADA, CANADA],
        ),
        speaker=kalinin,
        mode="quotes",
        qualifiers=at_interview,
        text="Kalinin says the embassy's press releases mostly react to Canadian unilateral"
        " sanctions or open hostile policies.",
        evidence=[fraction, REACTING],
    )
    d.claim(
        "kalinin-engaging",
        None,
        None,
        None,
        proposition=Proposition(
            text="The main effort in social media is engaging and talking to people. I try not"
            " to block or mute, unless they are horrifically obscene.",
            about=[account],
        ),
        speaker=kalinin,
        mode="quotes",
        qualifiers=at_interview,
        text="Kalinin says he tries not to block or mute people on social media.",
        evidence=[
            '"The main effort in social media is engaging and talking to people."',
            'To that end, he added, "I try not to block or mute, unless they are horrifically'
            " obscene.",
        ],
    )
    # A conversational round figure: "Eighty", not "81" or "79".
    eighty = attrs.evolve(d.qty("Eighty per cent", "exact", 80, "percent"), rounded_to=10)
    d.claim(
        "kalinin-eighty-per-cent",
        account,
        "share",
        eighty,
        speaker=kalinin,
        mode="quotes",
        qualifiers={
            "of": "the time the account gets engaged in civilized discussion",
            "event": interview,
        },
        text="Kalinin says about 80 per cent of the time the account gets engaged in civilized"
        " discussion.",
        evidence=[EIGHTY],
    )


def _pitching_claims(
    d: Document, *, kalinin: str, post: str, post_story: str, galician: str
) -> None:
    """How Kalinin pitches stories to reporters, and the National Post story he pitched."""
    for slug, proposition, certainty, hedge, text in (
        (
            "kalinin-messages-reporters",
            "Canadian reporters who cover geopolitical issues have received a message from"
            " Kalinin.",
            "probable",
            "likely",
            "Canadian reporters on geopolitics have likely had a message from Kalinin.",
        ),
        (
            "kalinin-messages-by-direct-message",
            "Kalinin sends his messages to reporters via direct message on Twitter.",
            "probable",
            "probably",
            "Kalinin probably reaches reporters by direct message on Twitter.",
        ),
        (
            "kalinin-steers-reporters-to-stories",
            "Kalinin's messages try to steer reporters toward stories he thinks they might cover.",
            "possible",
            "quite possibly",
            "Kalinin's messages quite possibly pitch stories to reporters.",
        ),
    ):
        d.claim(
            slug,
            None,
            None,
            None,
            proposition=Proposition(text=proposition, about=[kalinin, TWITTER]),
            certainty=certainty,
            hedge=hedge,
            text=text,
            evidence=[DIRECT_MESSAGE],
        )
    d.claim(
        "post-memorials-in-canadian-cities",
        None,
        None,
        None,
        proposition=Proposition(
            text="Several Canadian cities, including Edmonton, have memorials to Ukrainian"
            " military formations that supported the Nazis.",
            about=[CANADA, galician, post_story],
        ),
        speaker=post,
        mode="paraphrases",
        text="The National Post reported memorials in several Canadian cities, Edmonton among"
        " them, to Ukrainian formations that supported the Nazis.",
        evidence=[POST_STORY],
    )
    d.claim(
        "post-covered-because-of-kalinin",
        None,
        None,
        None,
        proposition=Proposition(
            text="The Post and a few other media organizations covered the story because of"
            " Kalinin's efforts to promote it to journalists.",
            about=[post, post_story, kalinin],
        ),
        certainty="probable",
        hedge="It's unlikely … would even have covered the story … were it not for",
        text="The Post and others probably covered the story only because Kalinin promoted it.",
        evidence=[PARALLEL],
    )
