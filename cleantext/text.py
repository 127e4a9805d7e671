"""Text helpers every stage shares, defined once: which characters are CJK, how long a text is in
units, where a sentence ends, what a line of code looks like, how two titles are compared, how
a Simplified pattern also matches Traditional text, and the months' names.

Observations these rely on:

- "CJK" means different character sets to different questions, and each question keeps its own
  (they are named here side by side, so the differences are visible, not merged away):
  ``CJK_LETTERS`` (kana, Han ideographs, Hangul syllables) are what ``units_of`` counts;
  ``CJK_BLOCKS`` adds the Yijing hexagram symbols between Han Extension A and the unified
  ideographs, because punctuation is looked for next to whole blocks; ``UNSPACED`` (CJK
  punctuation, kana, Han, full-width forms; no Hangul, which Korean writes with spaces) is what a
  dumper breaks lines inside without a space; ``HAN_BLOCKS`` counted by 256-code-point page is
  how script detection recognises Han text at C speed.
- Thresholds must hold across scripts: one CJK character carries about as much as half an English
  word, so a text's length is measured in *units* (a CJK character is one, an alphabetic word
  ``WORD_UNITS``). Words are runs of letters, never ``str.split()`` (Chinese has no spaces).
- A sentence ends with a mark, a closing quote or bracket; scripts with marks of their own (Arabic,
  Devanagari, Ethiopic, Armenian, Myanmar) end sentences with those.
- The vocabulary is written in Simplified Chinese once; Traditional pages write the same words with
  other characters (時間, 來源, 責任編輯; 上一篇 stays 上一篇). ``both_scripts`` turns each
  Simplified character of a pattern into a character class holding its Traditional forms, from
  the static table ``HANT``, so one pattern matches both scripts with no converter run at import.

>>> units_of("这是一个句子"), units_of("two words"), ends_sentence("他说：“好。” ")
(6, 4, True)
>>> both_scripts("责任编辑[:：]")
'[责責]任[编編][辑輯][:：]'
"""

from __future__ import annotations

import itertools
import re

from cleantext.regexes import compiled

# -- Which characters are CJK ---------------------------------------------------------------------
KANA = "\u3040-\u30ff"  # hiragana and katakana
HAN_IDEOGRAPHS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # Extension A, unified, compatibility
HAN_BLOCKS = "\u3400-\u9fff\uf900-\ufaff"  # the same pages whole: with the hexagrams U+4DC0–U+4DFF
HANGUL = "\uac00-\ud7af"  # Hangul syllables
CJK_PUNCTUATION = "\u3000-\u303f"  # ideographic space, 、。「」【】 and the like
FULL_WIDTH = "\uff00-\uffef"  # full-width ASCII and half-width katakana and Hangul
CJK_LETTERS = KANA + HAN_IDEOGRAPHS + HANGUL  # what ``units_of`` counts one each
CJK_BLOCKS = KANA + HAN_BLOCKS + HANGUL  # CJK_LETTERS and the hexagrams: where marks sit next to CJK
UNSPACED = CJK_PUNCTUATION + KANA + HAN_BLOCKS + FULL_WIDTH  # written without spaces between words
UNSPACED_CHAR = compiled(f"[{UNSPACED}]")


def pages_of(ranges: str) -> bytes:
    """The 256-code-point pages (the high byte of a UTF-16 code unit) that a character class's
    ranges touch, for counting a block with ``bytes.translate``.

    >>> pages_of(HANGUL) == bytes(range(0xAC, 0xD8))
    True
    """
    pages: set[int] = set()
    for start, end in zip(ranges[::3], ranges[2::3], strict=True):
        pages.update(range(ord(start) >> 8, (ord(end) >> 8) + 1))
    return bytes(sorted(pages))


# -- Length in units ------------------------------------------------------------------------------
WORD_UNITS = 2  # units per alphabetic word: 10 English words weigh like 20 Chinese characters
NOT_CJK_RUN = compiled(f"[^{CJK_LETTERS}]+")  # the CJK characters are what remains when these are removed
# Combining marks that sit inside words: the combining diacritics (a decomposed "é"), and the vowel
# signs and viramas of the Indic scripts (Devanagari to Sinhala), Thai and Lao, Myanmar and Khmer
# (their blocks whole: the letters in them are word characters anyway). The pattern engine calls
# marks non-word characters, and a word of these scripts fell apart at each of them (ประสงค์ into
# three words, हिन्दी into three): their text weighed two or three times its length in units, and
# its sentence marks seemed that much sparser.
THAI_LAO, MYANMAR, KHMER = "\u0e00-\u0eff", "\u1000-\u109f", "\u1780-\u17ff"  # their blocks whole
WORD_MARKS = "\u0300-\u036f\u0900-\u0dff" + THAI_LAO + MYANMAR + KHMER
# a word opens with a letter; marks and letters go on from it (unrolled: text without marks pays
# one failed test per word)
WORD = compiled(rf"[^\W\d_{CJK_LETTERS}]+(?:[{WORD_MARKS}]+[^\W\d_{CJK_LETTERS}]*)*")
# What WORD matches in ASCII text is a run of ASCII letters. They are counted on bytes: each letter
# becomes "a" and every other byte " ", so a word starts at each " a", and at an "a" opening the
# text (a third of the time of finding the runs, which builds a string for each word).
_LETTERS_TO_A = bytes(ord("a") if chr(b).isalpha() else ord(" ") for b in range(128)) + b" " * 128


# The alphabetic scripts written without spaces between words: Thai, Lao, Myanmar, Khmer. A run of them is a
# phrase or a whole sentence, not a word (Thai puts a space between sentences only), and counted
# as one word a paragraph of them weighed as much as a menu entry. A run is counted as a word every
# ``UNSPACED_WORD_CHARS`` characters instead: their words run about four to six characters, marks
# included.
SOUTHEAST_ASIAN = compiled(f"[{THAI_LAO}{MYANMAR}{KHMER}]")
UNSPACED_WORD_CHARS = 6
LONG_RUN_CHARS = 2 * UNSPACED_WORD_CHARS  # characters of a run that holds two words' worth or more


def letter_counts(text: str) -> tuple[int, int]:
    """CJK characters (``CJK_LETTERS``) and alphabetic words outside them (ASCII text skips the
    CJK count and the Unicode word class; a run of a script written without spaces counts a word
    every ``UNSPACED_WORD_CHARS`` characters).

    >>> letter_counts("Hello 世界, hello"), letter_counts("हिन्दी ประสงค์"), letter_counts("ผู้สื่อข่าวรายงานว่า")
    ((2, 2), (0, 2), (0, 3))
    """
    if text.isascii():
        marked = text.encode("ascii").translate(_LETTERS_TO_A)
        return 0, marked.count(b" a") + marked.startswith(b"a")
    words = WORD.findall(text)
    count = len(words)
    for word in words:  # (a plain loop: CJK text has few words or none, and pays next to nothing)
        if len(word) >= LONG_RUN_CHARS and SOUTHEAST_ASIAN.match(word):
            count += len(word) // UNSPACED_WORD_CHARS - 1  # the run's words beyond its first
    return len(NOT_CJK_RUN.sub("", text)), count


def units_of(text: str) -> int:
    """The text's length in units: CJK characters plus ``WORD_UNITS`` per alphabetic word."""
    cjk, words = letter_counts(text)
    return cjk + WORD_UNITS * words


# -- Sentences ------------------------------------------------------------------------------------
# Sentence marks of scripts with their own: Arabic and Urdu (، ؛ ؟ ۔), Devanagari and Bengali
# dandas (। ॥), Ethiopic (። ፣), Armenian (։), Myanmar (၊ ။).
OWN_MARKS = "\u060c\u061b\u061f\u06d4\u0964\u0965\u1362\u1363\u0589\u104a\u104b"
SENTENCE_END = tuple(f"。！？!?.…」』”\"’)）{OWN_MARKS}")  # the last character of a sentence, spaces aside
COLONS = (":", "：")  # a label's last character, halfwidth and fullwidth (``Share this:``, ``作者：``)
CLAUSE_STOPS = ("。", ".", "；", ";", "，", ",")  # a line ending so is a sentence or a clause of one, no headline


def ends_sentence(text: str) -> bool:
    """Does the text end with a sentence mark, a closing quote or bracket (spaces aside)?

    >>> ends_sentence("他说：“好。” "), ends_sentence("Home | News")
    (True, False)
    """
    return text.rstrip()[-1:] in SENTENCE_END


# -- Program code ---------------------------------------------------------------------------------
# Program code quoted in an article (shell, config, source lines): no sentence marks, yet not a
# menu, and never wrapped prose. A line ends with a continuation or a brace, starts with an option,
# an assignment, a prompt or a comment, holds a shell operator, a variable or a call, or is one
# statement in a language's own words (an import, a call, a block's opening line, a return). The
# end is one character before trailing spaces; the start, the operators and the statements are
# patterns, each tried only where a plain string test shows it could match (most lines are
# settled by those tests alone).
CODE_END = tuple("\\;{}(")  # continuation, statement end, open brace or call: the last character
# option, assignment, shebang, comment, prompt, tag
CODE_START = compiled(r"\s*(?:--?[a-zA-Z][\w-]*|[\w.\[\]]+\s*[:+-]?=|#!|//|/\*|[$#>] |<\w+)")
CODE_START_OPENINGS = tuple("-#/$><")  # what CODE_START's forms open with, but for an assignment's "="
# shell operators, variables (a name opens with a letter or "_": "$750" is a price), calls ("()"
# after a word character, written "()" first)
CODE_OPS = compiled(r"&&|\|\||\$\{?[A-Za-z_]|\(\)(?<=\w\(\))")
# a statement in a program's own words, the whole line: an import, a call of a lowercase name
# (``print('x')``, ``stack.callback(f, 1)``), a block's opening line with its colon (``if not
# data:``, ``for k, v in d.items():``, ``except KeyError:``), a return
CODE_STATEMENT = compiled(
    r"(?:import [\w.]+(?: as \w+)?(?:, ?[\w.]+)*|from [\w.]+ import [\w*, ()]+"
    r"|[a-z_]\w*(?:\.[A-Za-z_]\w*)*\(.*\);?"
    r"|(?:try|else|finally):|except\b[\w., ()]*:|(?:def|class) \w+(?:\(.*\))?:"
    r"|for [\w, ]+ in \S+:|with \S.* as \w+:"
    r"|(?:if|elif|while) (?:not )?\S+(?: (?:[=!<>]=?|in|is|and|or|not) \S+)*:"
    r"|return(?: \S+)?)"
)
CODE_WORDS = ("import ", "from ", "return")  # the statements that need not end with a bracket or a colon open so
MAX_STATEMENT_CHARS = 200  # a longer line is a paragraph that happens to open with "if" or "for"


def looks_like_code(text: str) -> bool:
    """Does the line look like program code (see ``CODE_END``, ``CODE_START``, ``CODE_OPS``)?
    (``strip`` removes what ``\\s`` matches, so ``lstrip`` finds where ``CODE_START`` opens.)

    >>> looks_like_code("./configure --prefix=/usr \\\\"), looks_like_code("Home | News")
    (True, False)
    """
    if text.rstrip()[-1:] in CODE_END:
        return True
    if ("=" in text or text.lstrip()[:1] in CODE_START_OPENINGS) and CODE_START.match(text):
        return True
    maybe_ops = "$" in text or "()" in text or "&&" in text or "||" in text
    if maybe_ops and CODE_OPS.search(text) is not None:
        return True
    line = text.strip()
    return (
        len(line) <= MAX_STATEMENT_CHARS
        and (line[:1].islower() or line[:1] == "_")
        and ("://" not in line or "'" in line or '"' in line)  # ``embed(http://…)``: a dump's stand-in
        and (line.endswith((")", ");", ":")) or line.startswith(CODE_WORDS))
        and CODE_STATEMENT.fullmatch(line) is not None
    )


# A line that is an age and nothing else (``Hace 28 minutos``, ``3 hours ago``, ``vor 2 Stunden``,
# ``il y a 5 jours``, ``3小时前``): the time of a comment or of a feed's entry. An article dates
# itself once, with a date, and writes ages inside its sentences.
AGE = compiled(
    r"\W{0,2}(?:(?:about |posted )?(?:\d+|an?|one) (?:second|minute|hour|day|week|month|year)s? ago"
    r"|hace (?:\d+|un|una|unos|unas) (?:segundos?|minutos?|horas?|días?|semanas?|meses?|años?)"
    r"|vor (?:\d+|einer|einem) (?:sekunden?|minuten?|stunden?|tag(?:en)?|wochen?|monat(?:en)?|jahr(?:en)?)"
    r"|il y a (?:\d+|une?) (?:secondes?|minutes?|heures?|jours?|semaines?|mois|ans?)"
    r"|\d+\s*(?:秒|分钟|分鐘|小时|小時|天|周|週|个月|個月)前)\W{0,2}",
    re.I,
)
MAX_AGE_CHARS = 30  # characters of a line that is an age: longer lines are not tried


def is_age(text: str) -> bool:
    """Is the line an age and nothing else (``AGE``)?

    >>> is_age("3 hours ago"), is_age("3小时前"), is_age("Ages ago we met")
    (True, True, False)
    """
    text = text.strip()
    return len(text) <= MAX_AGE_CHARS and AGE.fullmatch(text) is not None


# -- Comparing titles -----------------------------------------------------------------------------
def fold(text: str) -> str:
    """Lowercased, without whitespace: how a title and a heading are compared.

    >>> fold("Hello  World 你好")
    'helloworld你好'
    """
    return "".join(text.split()).lower()


# -- Both Chinese scripts -------------------------------------------------------------------------
# Simplified characters used in the vocabulary (``boilerplate.markers``, ``document.vocabulary``,
# ``document.lines``, ``document.dates``, ``document.owner``), each followed by its Traditional
# forms (OpenCC s2t, s2tw and s2hk, applied to each character and to the words it stands in). A
# new word with a new character needs its entry here: a test checks that every Chinese character
# of the vocabulary is covered.
HANT_TABLE = (
    "专專 为為爲 举舉 于於 们們 会會 关關 内內 册冊 击擊 创創 办辦 务務 动動 单單 发發 号號 国國 图圖 "
    "声聲 处處 备備 头頭 审審 对對 导導 布佈 广廣 张張 当當 录錄 态態 户戶 扫掃 报報 数數 时時 术術 权權 "
    "条條 来來 标標 核覈 欢歡 沪滬 注註 浏瀏 滚滾 点點 热熱 独獨 电電 码碼 签簽籤 粤粵 系繫 组組 经經 维維 "
    "编編 网網 联聯 苏蘇 荐薦 视視 览覽 讯訊 记記 论論 访訪 证證 评評 词詞 话話 请請 读讀 财財 责責 资資 "
    "许許 复復複覆 制製 赞贊 转轉 载載 辑輯 违違 链鏈 键鍵 门門 闭閉 问問 间間 闻聞 阅閱閲 际際 隐隱 页頁 "
    "顶頂 频頻 题題 还還 兴興 个個 员員 摄攝 约約 项項 语語 仅僅 败敗 错錯 静靜 过過 环環 画畫 拦攔 费費 试試 "
    "抢搶 购購 领領 开開 优優 长長 台臺枱檯 线線 传傳 体體 坛壇 区區 杂雜 志誌 周週 络絡 钟鐘鍾 类類 属屬 识識 储儲 "
    "订訂 后後 机機 实實 习習 详詳 据據 认認 调調 设設 并並 参參 与與 "
    # the surnames of ``document.names``
    "万萬 丛叢 东東 严嚴 乔喬 书書 余餘 党黨 兰蘭 农農 冯馮 刘劉 华華 卢盧 卫衛衞 叶葉 吕呂 吴吳 娄婁 "
    "孙孫 宁寧 宫宮 岳嶽 巩鞏 师師 庄莊 应應 庞龐 总總 杨楊 栾欒 欧歐 毕畢 汤湯 涂塗 温溫 游遊 窦竇 "
    "简簡 纪紀 续續 综綜 缪繆 罗羅 聂聶 节節 芦蘆 范範 荣榮 萨薩 蒋蔣 蓝藍 译譯 诸諸 谢謝 谭譚 贺賀 "
    "贾賈 赵趙 车車 边邊 连連 迟遲 邓鄧 邬鄔 邹鄒 郑鄭 钱錢 闫閆 闵閔 阳陽 陆陸 陈陳 韦韋 韩韓 顾顧 "
    "颜顏 风風 饶饒 马馬 骆駱 鲁魯 鲍鮑 麦麥 黄黃 齐齊 龙龍 龚龔"
)
HANT: dict[str, str] = {entry[0]: entry[1:] for entry in HANT_TABLE.split()}


def both_scripts(pattern: str) -> str:
    """The regular expression with each Simplified character of ``HANT`` also matching its
    Traditional forms (added inside a character class, wrapped in one outside).

    >>> both_scripts("上一[篇页]")
    '上一[篇页頁]'
    """
    out: list[str] = []
    in_class = escaped = False
    for ch in pattern:
        alt = "" if escaped else HANT.get(ch, "")
        if alt:
            out.append(ch + alt if in_class else f"[{ch}{alt}]")
        else:
            out.append(ch)
            if not escaped and ch in "[]":
                in_class = ch == "["
        escaped = not escaped and ch == "\\"
    return "".join(out)


def word_forms(word: str) -> set[str]:
    """Every spelling of a plain word in either script (for sets of exact words).

    >>> sorted(word_forms("滚动"))
    ['滚动', '滚動', '滾动', '滾動']
    """
    return {"".join(chars) for chars in itertools.product(*(ch + HANT.get(ch, "") for ch in word))}


# Month names, which dates read (``document.dates``) and a thread's date lines print
# (``boilerplate.dumpposts``): English's three-letter stems, and the names below
MONTHS = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}
# Month names of Western Europe's languages and Indonesian that English's three-letter stems do
# not catch (``mar`` already reads ``mars``, ``marzo``, ``maart``; ``nov`` every November), by
# month number, with and without their accents, and their usual short forms (not those that are
# English words: ``set``, ``out``, ``ago`` in ``3 set 2015`` would read a count as a date).
OTHER_MONTHS = {
    1: "gen gennaio ene",
    2: "février fevrier févr fevr fevereiro fev",
    3: "märz mär março maret mrt",
    4: "avril avr abril abr",
    5: "mai maio maggio mag mei",
    6: "juin giugno giu",
    7: "juillet juil luglio lug",
    8: "août aout agosto agustus",
    9: "settembre setembro setiembre",
    10: "oktober ottobre outubro okt ott",
    12: "décembre dezember diciembre dicembre dezembro desember dez dic",
}
MONTH_WORDS = {word: month for month, words in OTHER_MONTHS.items() for word in words.split()}
MONTH_NAME = (
    r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
    r"|(" + "|".join(sorted(MONTH_WORDS, key=len, reverse=True)) + r")\.?"
)
