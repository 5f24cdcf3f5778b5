"""Korean particles in messages fit the word filled in before them: "주소를", "기관 이름을",
"'kim'을", "서울로" — not "주소을(를)"."""
from __future__ import annotations

import pytest

from pcrm_desktop.domain.errors import NotFoundError, ValidationError
from pcrm_desktop.domain.messages import korean_message, with_particles


@pytest.mark.parametrize("written, read", [
    # Hangul: a final consonant (batchim) or not
    ("주소을(를) 입력하십시오.", "주소를 입력하십시오."),
    ("기관 이름을(를) 입력하십시오.", "기관 이름을 입력하십시오."),
    ("부서 복지팀이(가) 이미 있습니다.", "부서 복지팀이 이미 있습니다."),
    ("사유이(가) 없습니다.", "사유가 없습니다."),
    ("전화번호은(는) 20자 이내", "전화번호는 20자 이내"),
    ("상담 내용은(는) 길다", "상담 내용은 길다"),
    ("민원과(와) 주민", "민원과 주민"),
    ("주소과(와) 전화", "주소와 전화"),
    ("닭으로(로)", "닭으로"),
    ("나무으로(로)", "나무로"),
    # the reversed shapes mean the same
    ("주소를(을)", "주소를"), ("팀가(이)", "팀이"), ("사유는(은)", "사유는"), ("민원와(과)", "민원과"),
    # (으)로: ㄹ takes 로 like a vowel; other finals 으로 (ㄺ too)
    ("서울(으)로 이송", "서울로 이송"),
    ("부산(으)로 이송", "부산으로 이송"),
    ("종로구(으)로", "종로구로"),
    ("흙(으)로", "흙으로"),
    ("백업 파일(으)로 남김", "백업 파일로 남김"),
    # digits read in Korean: 영 일 이 삼 사 오 육 칠 팔 구
    ("0은(는)", "0은"), ("1은(는)", "1은"), ("2은(는)", "2는"), ("3은(는)", "3은"),
    ("4은(는)", "4는"), ("5은(는)", "5는"), ("6은(는)", "6은"), ("7은(는)", "7은"),
    ("8은(는)", "8은"), ("9은(는)", "9는"),
    ("값 12이(가)", "값 12가"), ("2026-09-23은(는) 쉬는 날", "2026-09-23은 쉬는 날"),
    ("1(으)로", "1로"), ("7(으)로", "7로"), ("8(으)로", "8로"), ("3(으)로", "3으로"),
    ("6(으)로", "6으로"), ("0(으)로", "0으로"), ("2(으)로", "2로"), ("9(으)로", "9로"),
    # Latin letters: 엘 엠 엔 알 end in a consonant, the rest (에이, 비, 디, 에이치 …) do not
    ("로그인 ID은(는) 32자", "로그인 ID는 32자"),
    ("설문 NOSUCH을(를) 찾을 수 없습니다.", "설문 NOSUCH를 찾을 수 없습니다."),
    ("문항 OVERALL이(가) 비어", "문항 OVERALL이 비어"),
    ("kim을(를)", "kim을"), ("ION이(가)", "ION이"), ("PC이(가)", "PC가"),
    ("pcrm.db이(가)", "pcrm.db가"), ("HTML(으)로", "HTML로"), ("FORM(으)로", "FORM으로"),
    ("PDF(으)로", "PDF로"), ("XLSX(으)로", "XLSX로"), ("R(으)로", "R로"),
    # quotes and title brackets: the word inside them
    ("직원 'kim'을(를) 찾을 수 없습니다.", "직원 'kim'을 찾을 수 없습니다."),
    ("부서 '복지팀'이(가) 이미", "부서 '복지팀'이 이미"),
    ("\"홍길동\"은(는)", "\"홍길동\"은"), ("“민원”과(와)", "“민원”과"),
    ("「민원처리법」을(를)", "「민원처리법」을"), ("[저장]을(를) 누르", "[저장]을 누르"),
    ("'값 '2''이(가)", "'값 '2''가"),
    # a round bracket glosses the word before it: the particle fits that word
    ("열 '전반'(문항 OVERALL)이(가) 비어", "열 '전반'(문항 OVERALL)이 비어"),
    ("처리기간(2026-09-23)이(가) 지나", "처리기간(2026-09-23)이 지나"),
    ("사과(沙果)을(를)", "사과(沙果)를"),
    ("(주)삼성을(를)", "(주)삼성을"),
    ("값 (3)이(가)", "값 (3)이"),
    # unknown sound: kept as written
    ("을(를) 입력하십시오.", "을(를) 입력하십시오."),
    ("값 을(를)", "값 을(를)"),
    ("漢字을(를)", "漢字을(를)"),
    ("50%이(가)", "50%이(가)"),
    ("'…'이(가)", "'…'이(가)"),
    ("''이(가)", "''이(가)"),
    ("{label}을(를) 입력하십시오.", "{label}을(를) 입력하십시오."),
    # several in one message, each its own
    ("민원이(가) 주소을(를) 서울(으)로", "민원이 주소를 서울로"),
    # no shape, or English: unchanged
    ("비밀번호를 입력하십시오.", "비밀번호를 입력하십시오."),
    ("Enter the address.", "Enter the address."),
    ("", ""),
])
def test_the_particle_fits_the_word_before_it(written, read):
    assert with_particles(written) == read


def test_through_korean_message():
    assert korean_message(ValidationError("required", field="road")) == "주소를 입력하십시오."
    assert korean_message(ValidationError("required", field="office_name")) == \
        "기관 이름을 입력하십시오."
    assert korean_message(ValidationError("too_long", field="login", max=32)) == \
        "로그인 ID는 32자 이내로 입력하십시오."
    assert korean_message(NotFoundError("staff_not_found", login="kim")) == \
        "직원 'kim'을 찾을 수 없습니다."
    assert korean_message(NotFoundError("survey_not_found", survey="NOSUCH")) == \
        "설문 NOSUCH를 찾을 수 없습니다."

