"""Actors that appear in more than one seed document (written to ``actors.facts.json``)."""

from __future__ import annotations

from _seeding import Document, Shared

# Actor ids, for the document modules.
RUSSIA = "actor:russia"
CANADA = "actor:canada"
UKRAINE = "actor:ukraine"
USA = "actor:united-states"
UNITED_KINGDOM = "actor:united-kingdom"
SOVIET_UNION = "actor:soviet-union"
THE_WEST = "actor:the-west"
RUSSIAN_MFA = "actor:russian-mfa"
RUSSIAN_EMBASSY_CANADA = "actor:russian-embassy-canada"
RUSSIAN_EMBASSY_CANADA_TWITTER = "actor:russianembassyc"
CANADIAN_EMBASSY_MOSCOW = "actor:canadian-embassy-moscow"
TWITTER = "actor:twitter"


def declare(shared: Shared, rabble: Document, globalnews: Document, shakirov: Document) -> None:
    """Add the shared actors, with evidence from each document that names them."""
    shared.actor(
        RUSSIA[6:],
        "country",
        "Russia",
        names=[
            ("Russia", "en", "short"),
            ("Russian Federation", "en", "official"),
            ("Россия", "ru", "short"),
        ],
        aliases=["Moscow", "Russian Federation"],
        evidence=(
            *globalnews.ev(
                "Relations between Ottawa and Moscow have been strained since Russia’s"
                " invasion of Ukraine in February."
            ),
            *shakirov.ev(
                "According to Lowy’s Global Diplomacy Index, with 243 posts abroad Russia"
                " has the fourth largest diplomatic network in the world."
            ),
        ),
    )
    shared.actor(
        CANADA[6:],
        "country",
        "Canada",
        aliases=["Ottawa"],
        evidence=globalnews.ev(
            "Relations between Ottawa and Moscow have been strained since"
            " Russia’s invasion of Ukraine in February."
        ),
    )
    shared.actor(UKRAINE[6:], "country", "Ukraine")
    shared.actor(USA[6:], "country", "United States", aliases=["U.S.", "the United States"])
    shared.actor(
        UNITED_KINGDOM[6:],
        "country",
        "United Kingdom",
        names=[("Великобритания", "ru", None)],
        aliases=["Britain"],
        evidence=(*rabble.ev(_rabble_note_to_post()), *shakirov.ev(_shakirov_uk())),
    )
    shared.actor(
        SOVIET_UNION[6:],
        "country",
        "Soviet Union",
        description="The USSR (1922-1991).",
    )
    shared.actor(
        THE_WEST[6:],
        "group",
        "The West",
        aliases=["Western countries"],
        description="Western governments, as the texts group them.",
    )
    shared.actor(
        RUSSIAN_MFA[6:],
        "ministry",
        "Ministry of Foreign Affairs of the Russian Federation",
        names=[
            ("Ministry of Foreign Affairs of the Russian Federation", "en", "official"),
            ("Russia's MFA", "en", "short"),
            ("МИД России", "ru", "short"),
        ],
        aliases=[
            "Russian Foreign Ministry",
            "Foreign Ministry",
            "Russia’s foreign ministry",
            "Foreign Affairs Ministry",
            "Russian Foreign Service",
        ],
        evidence=(
            *globalnews.ev(
                "Russia returned the favour this month, summoning Canada’s ambassador"
                " Alison LeClaire over what Russia’s foreign ministry called “numerous"
                " unwarranted cases” of Ottawa summoning Stepanov."
            ),
            *shakirov.ev("A post shared by МИД России / Russia's MFA (@mfarussia) on"),
        ),
    )
    shared.actor(
        RUSSIAN_EMBASSY_CANADA[6:],
        "diplomatic_mission",
        "Embassy of the Russian Federation in Ottawa",
        aliases=["Russian Embassy in Ottawa", "the Ottawa embassy", "Russia's Embassy"],
        roles=[],
        description="Russia's embassy in Canada, on Charlotte Street in Ottawa.",
        evidence=(
            *rabble.ev(
                "Kalinin is Press Secretary of the Embassy of the Russian Federation in Ottawa."
            ),
            *globalnews.ev(
                "Moscow previously summoned LeClaire in September, over allegations"
                " Global Affairs Canada had not taken seriously incidents involving the"
                " Ottawa embassy, such as security video of a Molotov cocktail being"
                " tossed onto the grounds of the mission."
            ),
        ),
    )
    shared.actor(
        RUSSIAN_EMBASSY_CANADA_TWITTER[6:],
        "account",
        "Russia in Canada",
        platform="twitter",
        handle="@RussianEmbassyC",
        operated_by=RUSSIAN_EMBASSY_CANADA,
        identifiers=[("twitter", "@RussianEmbassyC")],
        description="The Twitter account of Russia's embassy in Ottawa.",
        evidence=rabble.ev(
            "If most Canadians have never heard of Kalinin, it's because he Tweets under the"
            ' handle "Russia in Canada."',
            "That, in turn, is to be found on Twitter at @RussianEmbassyC.",
        ),
    )
    shared.actor(
        CANADIAN_EMBASSY_MOSCOW[6:],
        "diplomatic_mission",
        "Embassy of Canada in Moscow",
        aliases=["Canadian Embassy in Moscow"],
        evidence=(
            *rabble.ev(
                "By contrast, the Twitter account of the Canadian Embassy in Moscow has"
                " about 2,000 followers and mostly re-Tweets government of Canada news"
                " releases."
            ),
            *globalnews.ev(
                "Earlier this month, Russia summoned Canada’s ambassador in Moscow, in"
                " protest of Ottawa doing the same to Stepanov five times this year."
            ),
        ),
    )
    shared.actor(TWITTER[6:], "platform", "Twitter")


def _rabble_note_to_post() -> str:
    """Kalinin's note to the Post, which names Britain (the quote the rabble module cites)."""
    from _rabble import NOTE_TO_POST

    return NOTE_TO_POST


def _shakirov_uk() -> str:
    """The review's sentence on the Russian Embassy in the United Kingdom."""
    from _shakirov import UK

    return UK
