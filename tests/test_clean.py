from newsfuse.clean import boilerplate_reason, clean_document, drop_boilerplate_sentences, split_paragraphs
from newsfuse.types import Sentence

BOILERPLATE = [
    "Sign up to our daily newsletter",
    "Click to follow",
    "3 min read",
    "Picture: AP",
    "Iraqi families prepare to leave their hometown. Picture: AP",
    "Additional reporting by agencies",
    "AFP contributed to this report.",
    "A member of the tribal groups in Ramadi [File - AFP/Getty]",
    "Sunnis flee the violence in the city of Ramadi, IraqReuters",
    "Death toll",
    "share tweet pin email",
    "By submitting your registration information, you agree to our Terms of Service and Privacy Policy.",
    "I understand and agree that registration on this site constitutes agreement to the site's Terms of Use.",
    # Found in dev and train summaries before these were patterns:
    "Contact Julia Prodis Sulek at 408-278-3409.",
    "Contact Ben Botkin at bbotkin@reviewjournal.com or 702-384-8710. Follow @BenBotkin1 on Twitter.",
    "Want to add to this story? Let us know in comments or send an email to the author at ereeve at theatlantic dot com.",
    "Join us on Facebook Like us and you'll find top breaking news in your Facebook newsfeed.",
    "Note: By submitting this form, you agree to Third Door Media's terms . We respect your privacy .",
    "If you need additional information about domain mapping, please visit our help center.",
    "Hosni Mubarak sits inside a dock at the police academy in Cairo, in this file picture taken April 15, 2013.",
    "Download the Us Weekly iPhone app now!",
    "Click/tap here to download the free azfamily mobile app.",
    "Get push notifications with news, features and more.",
    "Send us your images or video.",
    "Follow Michelle L. Price at https://twitter.com/michellelprice .",
    "Watch the four-minute video clip below.",
    "We have sent you a verification email. Please check your email and click on the link to activate your profile.",
]


def test_each_kind_of_boilerplate_is_recognised():
    for line in BOILERPLATE:
        assert boilerplate_reason(line), line


def test_news_prose_is_kept_even_with_risky_words():
    prose = [
        "Netflix said on Monday that its subscription prices would rise by two dollars a month for new customers.",
        "The council said the photo was taken by a resident who later shared it with police.",
        "Local officials say 500 people were killed in battles to take Ramadi in recent weeks.",
        "The union said members agree to the terms of the new contract, which runs until 2020.",
        "Anyone with information should contact police at 555-201-3000, the sheriff said.",
        "Contact with the crew was lost at 3:40 a.m., the airline said.",
        "The girls were last seen in a photo posted to German's Snapchat account showing Williams on the bridge.",
        "More than a million people download the app each month, the company said.",
        "Police asked residents to send them photos of the suspect.",
        "The video below shows the moment the bridge collapsed.",
    ]
    for line in prose:
        assert boilerplate_reason(line) is None, line


def test_repeated_paragraph_is_removed_with_reason():
    text = (
        "IS needed no more than a few hundred fighters to take Palmyra, highlighting the acute manpower shortage.\n\n"
        "IS needed no more than a few hundred fighters to take Palmyra, highlighting acute manpower shortage.\n\n"
        "Another paragraph follows here."
    )
    kept, removed = clean_document(text, document=3)
    assert len(kept) == 2
    assert removed[0].document == 3 and "repeated" in removed[0].reason


def test_hard_wrapped_lines_are_joined():
    text = "The militants advanced towards the military base on the\nedge of the city on Thursday.\nA second paragraph."
    assert split_paragraphs(text) == [
        "The militants advanced towards the military base on the edge of the city on Thursday.",
        "A second paragraph.",
    ]


def test_invisible_characters_do_not_split_words():
    assert split_paragraphs("Washington Univer\u00adsity\u200b said\ufeff so.") == ["Washington University said so."]


def test_boilerplate_sentence_inside_paragraph_is_dropped():
    sentences = [
        Sentence("The army retook the town on Friday.", 0, 0),
        Sentence("Follow us on Twitter for the latest updates.", 0, 1),
    ]
    kept, removed = drop_boilerplate_sentences(sentences)
    assert [s.position for s in kept] == [0]
    assert removed[0].text.startswith("Follow us")


def test_ramadi_boilerplate_recorded(ramadi_briefing):
    removed = " ".join(r.text for r in ramadi_briefing.removed)
    for phrase in ["Click to follow", "3 min read", "Sign up to our daily newsletter", "Picture: AP",
                   "Additional reporting by agencies", "AFP contributed to this report", "We use Mailchimp"]:
        assert phrase in removed


def test_web_archive_capture_notice_removes_the_whole_capture():
    notice = ("Starting in 1996, Alexa Internet has been donating their crawl data to the Internet Archive. "
              "Flowing in every day, these data are added to the Wayback Machine after an embargo period.\n"
              "That way, a link to the version that was live will be preserved.")
    kept, removed = clean_document(notice, 3)
    assert kept == []
    assert {r.reason for r in removed} == {"web archive notice"} and {r.document for r in removed} == {3}
    # An article that mentions the archive later on keeps its text.
    article = "Officials said the library reopened on Monday.\nThe Wayback Machine holds old copies of the page."
    assert clean_document(article, 0)[0][0].startswith("Officials said")


def test_web_archive_collection_description_after_a_title_is_a_notice():
    page = ("About this collection\n"
            "This project documents the government's web presence by archiving government websites and data.\n"
            "Members of the public are invited to nominate sites.")
    kept, removed = clean_document(page, 0)
    assert kept == [] and {r.reason for r in removed} == {"web archive notice"}
    # the descriptions Multi-News holds for its Wikipedia-outlinks and election crawls
    for page in ("Crawl of outlinks from wikipedia.org started March, 2016. These files are currently not publicly "
                 "accessible. Properties of this collection.",
                 "This collection contains collaborative Election crawls performed by IA.",
                 "Data crawled on behalf of Internet Memory Foundation . This data is currently not publicly accessible."):
        assert clean_document(page, 0)[0] == []


def test_site_message_page_is_set_aside_but_an_article_keeps_such_a_sentence():
    player = "The interactive transcript could not be loaded.\nThis feature is not available right now. Please try again later."
    paywall = ("Thank you for Reading!\nYou have read your 5 free articles this month. Please log in to your subscriber "
               "account or purchase a subscription to continue reading.")
    confirmation = "Email\nThank you for signing up! An error occurred. Please try again."
    for page in (player, paywall, confirmation):
        kept, removed = clean_document(page, 2)
        assert kept == [], page
        assert "site message, no article" in {r.reason for r in removed} and {r.document for r in removed} == {2}
    article = ("The city council voted on Monday to close the bridge for repairs until March.\n"
               "Drivers will be sent through the harbour tunnel, which adds about ten minutes.\n"
               "This video is not available right now. Please try again later.")
    assert len(clean_document(article, 0)[0]) == 3
    # A few words about signing up in a person's own post are not a site message.
    post = "Bad feelings correlate to bad events, so maybe the real problem is what I sign up for."
    assert clean_document(post, 0)[0] == [post]


def test_page_not_found_is_set_aside_even_after_an_opening_line():
    # The shapes of the two error pages among the 1,937 Multi-News train and dev documents.
    error_page = ("this data is currently not publicly accessible.\n"
                  "Sorry, the page you requested could not be found.\n"
                  "If you are trying to reach a page from a bookmark, the page URL may have changed. Please choose a "
                  "community from the navigation at the top of this page.")
    kept, removed = clean_document(error_page, 1)
    assert kept == [] and {r.reason for r in removed} == {"page not found"} and len(removed) == 3
    # An article may quote such a message further down: it keeps its text.
    article = ("Thousands of readers found the county's flood map gone on Monday, days before the river was to crest "
               "at its highest level since 1997, according to the emergency management office in the county seat.\n"
               "Officials said a contractor had moved the site without telling anyone.\n"
               "Visitors saw only a message: \"Sorry, the page you requested could not be found.\"")
    assert len(clean_document(article, 0)[0]) == 3


def test_wire_datelines_are_stripped_and_recorded():
    text = ("KATHMANDU, Nepal (AP) — A Swiss climber found the bodies on Monday.\n"
            "Washington (CNN) Officials said the talks would resume.\n"
            "TSA defends the deal — noting that its old contract had expired.\n"
            "— For years, the weather has been a scapegoat for spikes in births.")
    kept, removed = clean_document(text, 0)
    assert kept[0] == "A Swiss climber found the bodies on Monday."
    assert kept[1] == "Officials said the talks would resume."
    assert kept[2].startswith("TSA defends the deal —")  # a dash inside a sentence is not a dateline
    assert kept[3].startswith("For years,")  # the dash of a dateline cut before the text reached us
    assert [(r.text, r.reason) for r in removed] == [("KATHMANDU, Nepal (AP) —", "dateline"), ("Washington (CNN)", "dateline"),
                                                     ("—", "dateline")]


def test_a_share_button_label_before_a_paragraph_is_stripped_and_recorded():
    # As in a dev cluster's entertainment page: the label was glued to the opening sentence.
    text = ("'Dancing With the Stars' Wants Betty White\n"
            "Email This Even at 88, Betty White has the ambition of a 20-something!\n"
            "Email this to a friend who wants to know.")
    kept, removed = clean_document(text, 0)
    assert kept[0] == "Even at 88, Betty White has the ambition of a 20-something!"
    assert ("Email This", "share button") in [(r.text, r.reason) for r in removed]
    assert kept[1] == "Email this to a friend who wants to know."  # a sentence that says it is one


def test_a_name_card_with_related_headlines_is_cut_from_the_sentence():
    text = ("Donald Trump Donald John TrumpTrump Jr. getting 0k to speak at UNT Trump learned from his health care "
            "fight and offered a winning tax plan MORE panned committee chairwoman Debbie Wasserman Schultz on Monday.\n"
            "MORE than 20 people came. He met John McCain in Phoenix and MORE was said.")
    kept, removed = clean_document(text, 0)
    assert kept[0] == "Donald Trump panned committee chairwoman Debbie Wasserman Schultz on Monday."
    assert kept[1] == "MORE than 20 people came. He met John McCain in Phoenix and MORE was said."
    assert [r.reason for r in removed] == ["name card with related headlines"]
