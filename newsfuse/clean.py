"""Remove web boilerplate from article text, recording every removal.

No site-specific rules: a paragraph goes when it matches a generic boilerplate pattern
(newsletters, share buttons, reading times, credits), when it has no sentence ending
(headings, captions, bylines) or when it repeats an earlier paragraph of the same
article (pull quotes). Sentences that are boilerplate inside a kept paragraph are
dropped with `drop_boilerplate_sentences`.
"""
from __future__ import annotations

import re

from newsfuse.segment import split_sentences
from newsfuse.types import Removal, Sentence

# Phrases that practically never occur in news prose: they mark boilerplate anywhere.
_STRONG = [
    r"\bsign(ed)? up (to|for) (our|the)\b",
    r"\bclick (here )?to (follow|share|read|subscribe|see|view|enlarge)\b",
    r"^\s*\d+\s*(min|minute)s?\s+read\s*$",
    r"^\s*(picture|photo|photograph|image|video|credit|graphic)s?\s*:",
    r"\b(picture|photo|image|credit)\s*:\s*[A-Z][\w/ .-]{0,40}\.?\s*$",
    r"\[\s*(file|photo|picture)\b[^\]]*\]",
    r"\b(getty images|afp/getty|ap photo|reuters/|epa/|/afp|/reuters)\b",
    r"^\s*(additional reporting|reporting by|writing by|editing by)\b",
    r"\bcontributed to this (report|story|article)\b",
    r"\b(follow (us|him|her|them|me) on (twitter|facebook|instagram)|like us on facebook|tweet with a location)\b",
    r"\b(all rights reserved|copyright ©|© \d{4}|\(c\) \d{4})",
    r"\b(media playback is unsupported|enlarge this image|image copyright|toggle caption|hide caption)\b",
    r"\bthis (article|story) (was|has been) (originally )?(published|updated|corrected|amended)\b",
    r"\b(we use mailchimp|your information will be transferred|by subscribing|unsubscribe at any time)\b",
    r"\b(enable javascript|your browser (does|is)|ad ?blocker|already a subscriber|log ?in to (comment|continue))\b",
    r"\bselect at least one\b",
    r"\b(you agree to|constitutes agreement to) (our|the|this site'?s?)\b.{0,30}\b(terms|privacy|policy|agreement)\b",
    # A reporter's contact line, and the page talking about itself.
    r"^\s*contact \w+( \w+){0,3} at (\(?\d{3}\)?[-. ]?\d{3}[-.]\d{4}|\S+@\S+)",
    r"\b(send an email to|e-?mail) the author\b", r"\bjoin us on (facebook|twitter)\b", r"\bby submitting this form\b",
    r"\bdomain mapping\b",
    # A photo's caption: "..., in this file picture taken April 15, 2013."
    r"\bin this (undated |handout |file )?(photo|photograph|image|picture)s? (provided|released|taken|obtained|made available|supplied)\b",
    # The site asking its reader to do something with the site, opening a sentence: "Download the
    # Us Weekly iPhone app now!", "Click/tap here to ...", "Send us your images or video.",
    # "Follow Michelle L. Price at https://twitter.com/...", "Watch the four-minute video clip below."
    r"^\s*(download|get) (the|our) ([\w'’-]+ ){0,4}app\b", r"^\s*get push notifications\b",
    r"^\s*(click|tap)(/tap)? here\b", r"^\s*send (us|it to) ([\w'’-]+ ){0,3}(images?|photos?|videos?|tips?|ireport)\b",
    r"^\s*follow @\w+", r"^\s*follow [A-Z][\w.-]*( [A-Z][\w.-]*){0,3} (at|on) (https?://)?(www\.)?twitter\b",
    r"^\s*(watch|check out|see) (the|this) ([\w'’-]+ ){0,3}(video|clip)( clip)? below\b",
    r"\bplease check your email\b", r"\bsign up for one of our\b",
]
# Words that are boilerplate in a paragraph of a few words but may be news in a sentence.
_WEAK = [
    r"\b(subscribe|subscription|newsletters?|mailing list|inbox)\b",
    r"\b(cookies?|privacy policy|terms of (use|service))\b",
    r"^\s*(advertisement|sponsored content|related (articles?|stories|coverage)|read more|more on this)\b",
    r"^\s*(share|tweet|pin|email|print|comments?)(\s+(share|tweet|pin|email|print|comments?))*\s*$",
    r"^\s*(by|posted by|written by)\s+[A-Z][\w.'-]+(\s+[A-Z][\w.'-]+){0,3}\s*$",
]
# Every strong pattern contains one of these; a substring test is far cheaper than the regex.
STRONG_TRIGGERS = (
    "sign", "click", "read", "picture", "photo", "image", "video", "credit", "graphic", "[", "getty",
    "reuters", "epa/", "/afp", "reporting", "writing by", "editing by", "contributed", "follow", "like us",
    "tweet", "rights reserved", "copyright", "©", "(c)", "media playback", "enlarge", "caption", "this article",
    "this story", "mailchimp", "transferred", "subscrib", "javascript", "browser", "blocker", "log in", "login",
    "select at least", "agree", "contact ", "the author", "join us", "submitting", "domain mapping",
    "download", "get the", "get our", "push notifications", "tap here", "send us", "send it to", "clip",
    "check your email",
)
STRONG_TRIGGER_RE = re.compile("|".join(map(re.escape, STRONG_TRIGGERS)))  # one scan, not forty
STRONG_RE = re.compile("|".join(f"(?:{p})" for p in _STRONG), re.IGNORECASE | re.MULTILINE)
WEAK_RE = re.compile("|".join(f"(?:{p})" for p in _WEAK), re.IGNORECASE | re.MULTILINE)
SHORT_PARAGRAPH_WORDS = 8
SENTENCE_END_RE = re.compile(r"[.!?。！？][\"'”’)\]」』]*\s*$")
WORD_RE = re.compile(r"\w+")
# Soft hyphens, zero-width spaces, word joiners and byte-order marks: invisible, but they split
# "Univer\u00adsity" in two for every later stage.
INVISIBLE_RE = re.compile("[\u00ad\u200b\u2060\ufeff]")
# Credits glued to a caption ("...in Ramadi, IraqReuters"): a lower-case letter directly
# followed by a news agency name at the end of a paragraph.
GLUED_CREDIT_RE = re.compile(r"[a-z](Reuters|AFP|AP|Getty Images|EPA)\s*$")
# A wire dateline opening a paragraph: "DENVER (AP) — ", "KATHMANDU, Nepal (Reuters) - ",
# "ALLENTOWN, Pa. - ", "Washington (CNN) ", "(CNN) - ". It names the wire, not the news.
DATELINE_RE = re.compile(
    r"^(?:[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+)*(?:, [A-Z][\w.]+(?: [A-Z][\w.]+)?)?\s*(?:\([\w .]{1,30}\)\s*)?[—–-]{1,2}"
    r"|(?:[A-Z][\w.'-]+(?: [A-Z][\w.'-]+)*(?:, [A-Z][\w.]+)?\s*)?\((?:AP|CNN|Reuters|AFP|UPI|dpa)\)\s*[—–-]{0,2})\s+"
    r"(?=[A-Z0-9\"“‘'])")
# A share button's label left at the start of the paragraph it sat above ("Email This Even at
# 88, Betty White ..."): the page's furniture, not the article's words.
SHARE_LABEL_RE = re.compile(r"^(?:Email|Share|Print|Tweet) This\s+(?=[A-Z0-9\"“‘'])")
# The dash left where a dateline was cut before the text reached us ("— For years, the
# weather ..."), or a list's bullet: no word of the sentence.
LEADING_DASH_RE = re.compile(r"^[—–-]{1,2}\s+(?=[A-Z0-9\"“‘'])")
# A name's pop-up card that a page's text kept (The Hill): the full name glued to the first of
# the person's related headlines, up to "MORE" ("Donald Trump Donald John TrumpTrump Jr. getting
# ... tax plan MORE panned ..."). The sentence goes on, lower case, after it.
NAME_CARD_RE = re.compile(r"\b(?P<surname>[A-Z][a-z]+)"
                          r"(?P<card> (?:[A-Z][\w'.-]*\s){1,3}(?P=surname)(?=[A-Z])[^\n]{0,400}? MORE)(?= [a-z])")
# What a paragraph may open with that is not the article's, in the order it comes: a share
# label, then a dateline or the dash of one. Each is cut and recorded.
LEADING_FURNITURE = ((SHARE_LABEL_RE, "share button"), (DATELINE_RE, "dateline"), (LEADING_DASH_RE, "dateline"))
# Pages captured by a web archive sometimes hold the archive's own notice instead of the
# article (common in datasets built from the Wayback Machine, such as Multi-News), or the
# description of the archive's collection: when the opening paragraph is such a notice, the
# whole capture is.
ARCHIVE_NOTICE_RE = re.compile(
    r"\b(crawl data|these crawls|web ?wide crawl|warc files?|wayback machine|seed (list )?for wide\d+"
    r"|crawls of supported|archive-it|web captures?|web (archiving|crawling)|archiving (\w+ )?web ?sites"
    r"|crawl of outlinks|crawls performed by|crawled on behalf of|properties of this collection)\b",
    re.IGNORECASE)
# A page that is only the site talking to its reader about the site: a video player that
# cannot play, a login or paywall, a sign-up form or its confirmation, an error. Such a
# sentence may sit in an article (and is then kept), but a short page whose every other
# sentence is only a few words has no article: the page is set aside as a whole.
SITE_MESSAGE_RE = re.compile("|".join([
    r"\bplease try again\b", r"\b(an error|a problem) (has )?occurred\b", r"\bthere was a problem\b",
    r"\bsomething went wrong\b",
    r"\b(feature|video|content|page|service) (is|are) (currently |temporarily )?(not|no longer|un) ?available\b",
    r"\bcould not be loaded\b", r"\bwhen the video has been rented\b",
    r"\b(enable|turn on) javascript\b", r"\bjavascript is disabled\b", r"\brequires javascript\b",
    r"\bfree articles?\b", r"\b(purchase|buy) a subscription\b", r"\bsubscriber account\b", r"\bcontinue reading\b",
    r"\bcreate an account\b", r"\balready a (member|subscriber)\b", r"\b(log|sign) ?in to (continue|your)\b",
    r"\bverification (email|message|link)\b", r"\bactivate your (account|profile)\b", r"\busername and password\b",
    r"\bthank you for (signing up|subscribing|registering|reading|your interest)\b",
    r"\bagree to (the|our) (terms|privacy)\b", r"\bterms (of use|of service|& conditions|and conditions)\b",
    r"\bprivacy (policy|statement)\b", r"\bby clicking\b", r"\bemail notifications?\b", r"\byour notification\b",
    r"\bcomments (for this (post|article|story) )?are (now )?closed\b", r"\bin the form below\b",
    r"\bconfirm your (email|signature|subscription)\b", r"\bsign up (and|for (digital|our|free|a free))\b",
    r"\bto subscribe\b.{0,40}\bclick\b", r"\bsubscription service\b",
]), re.IGNORECASE)
# An error page ("Sorry, the page you requested could not be found"): no article page says
# this of itself near its top, so whatever follows (search tips, links) is no article either.
NOT_FOUND_RE = re.compile(
    r"\b(?:page|article|story|content) (?:you (?:requested|are looking for|were looking for|tried to reach)|requested) "
    r"(?:could not|cannot|can't|was not|wasn't|is not|isn't) (?:be )?found\b|\bpage not found\b", re.IGNORECASE)
NOT_FOUND_OPENING_WORDS = 60  # an error page may open with a line or two of something else
QUOTED_RE = re.compile(r'"[^"]*"|“[^”]*”')  # an article quoting such a message is still an article
SITE_MESSAGE_PAGE_WORDS = 100  # a longer page has an article around its site messages
SITE_MESSAGE_OTHER_WORDS = 20  # words allowed outside site messages ("Just One More Thing...")


def has_strong_boilerplate(text: str) -> bool:
    return bool(STRONG_TRIGGER_RE.search(text.lower())) and bool(STRONG_RE.search(text))


def boilerplate_reason(paragraph: str) -> str | None:
    """Why a paragraph is boilerplate, or None when it is article text."""
    text = paragraph.strip()
    if not text:
        return None
    if (len(text) < 600 and has_strong_boilerplate(text)) or (
        len(text.split()) <= SHORT_PARAGRAPH_WORDS and WEAK_RE.search(text)
    ):
        return "boilerplate pattern"
    if GLUED_CREDIT_RE.search(text):
        return "photo caption with credit"
    if not SENTENCE_END_RE.search(text):
        return "no sentence ending (heading, caption or byline)"
    return None


def _tokens(text: str) -> set[str]:
    return set(WORD_RE.findall(text.lower()))


REPEAT_WINDOW = 40  # pull quotes sit near the paragraph they repeat; a window keeps this linear


def _repeats(tokens: set[str], earlier: list[set[str]]) -> bool:
    """Whether most of a paragraph's words already appeared in a recent earlier paragraph."""
    if len(tokens) < 4:
        return False
    return any(len(tokens & seen) >= 0.8 * len(tokens) for seen in earlier[-REPEAT_WINDOW:])


def split_paragraphs(text: str) -> list[str]:
    """One paragraph per line, except that hard-wrapped lines (a long line without a
    sentence ending, followed by a lower-case start) are joined back together."""
    paragraphs: list[str] = []
    joinable = False
    for line in INVISIBLE_RE.sub("", text).replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = " ".join(line.split())
        if not line:
            joinable = False
            continue
        if joinable and paragraphs and line[0].islower():
            paragraphs[-1] += " " + line
        else:
            paragraphs.append(line)
        joinable = len(line) >= 50 and not SENTENCE_END_RE.search(line)
    return paragraphs


def clean_document(text: str, document: int, title: str = "") -> tuple[list[str], list[Removal]]:
    """Article paragraphs with boilerplate removed, and the record of what was removed."""
    kept: list[str] = []
    removed: list[Removal] = []
    seen: list[set[str]] = [_tokens(title)] if title else []
    paragraphs = split_paragraphs(text)
    # The opening: the first paragraph, and the next one too when the first is a title.
    opening = paragraphs[:2] if paragraphs and not SENTENCE_END_RE.search(paragraphs[0]) else paragraphs[:1]
    if any(ARCHIVE_NOTICE_RE.search(p) for p in opening):
        return [], [Removal(document=document, text=p, reason="web archive notice") for p in paragraphs]
    if any(NOT_FOUND_RE.search(QUOTED_RE.sub(" ", p)) for p in _first_words(paragraphs, NOT_FOUND_OPENING_WORDS)):
        return [], [Removal(document=document, text=p, reason="page not found") for p in paragraphs]
    for paragraph in paragraphs:
        reason = boilerplate_reason(paragraph)
        tokens = _tokens(paragraph)
        if reason is None and _repeats(tokens, seen):
            reason = "repeated paragraph (pull quote or title)"
        if reason:
            removed.append(Removal(document=document, text=paragraph, reason=reason))
            continue
        for prefix_re, reason in LEADING_FURNITURE:
            prefix = prefix_re.match(paragraph)
            if prefix and len(paragraph) > prefix.end():
                removed.append(Removal(document=document, text=prefix.group().strip(), reason=reason))
                paragraph = paragraph[prefix.end():]
        for card in NAME_CARD_RE.finditer(paragraph):
            removed.append(Removal(document=document, text=card.group("card").strip(),
                                   reason="name card with related headlines"))
        paragraph = NAME_CARD_RE.sub(r"\g<surname>", paragraph)
        kept.append(paragraph)
        seen.append(tokens)
    if kept and is_site_message(kept):
        removed += [Removal(document=document, text=p, reason="site message, no article") for p in kept]
        return [], removed
    return kept, removed


def _first_words(paragraphs: list[str], words: int) -> list[str]:
    """The paragraphs that start within the first `words` words."""
    out, seen = [], 0
    for paragraph in paragraphs:
        if seen >= words:
            break
        out.append(paragraph)
        seen += len(paragraph.split())
    return out


def is_site_message(paragraphs: list[str]) -> bool:
    """Whether a page's kept paragraphs are only a site message (`SITE_MESSAGE_RE`): short,
    with at least one such sentence and next to nothing else."""
    if sum(len(p.split()) for p in paragraphs) > SITE_MESSAGE_PAGE_WORDS:
        return False
    sentences = [s for p in paragraphs for s in split_sentences(p)]
    hits = [bool(SITE_MESSAGE_RE.search(s)) for s in sentences]
    other = sum(len(s.split()) for s, hit in zip(sentences, hits) if not hit)
    return any(hits) and other <= SITE_MESSAGE_OTHER_WORDS


def drop_boilerplate_sentences(sentences: list[Sentence]) -> tuple[list[Sentence], list[Removal]]:
    """Drop sentences that are boilerplate on their own, inside otherwise good paragraphs."""
    kept, removed = [], []
    for sentence in sentences:
        if has_strong_boilerplate(sentence.text):
            removed.append(Removal(sentence.document, sentence.text, "boilerplate pattern"))
        else:
            kept.append(sentence)
    return kept, removed
