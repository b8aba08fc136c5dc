package org.llavainspector.core.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegexLiteralTest {
    @ParameterizedTest
    @CsvSource(value = {
        "\\bfrisbee\\b => bee",
        "dog => dog",
        "DOGGY => doggy",
        "dogg? => dog",
        "dogg* => dog",
        "dogg+ => dogg",
        "dogg{0,2} => dog",
        "ab(cdef)?ghj => ghj",
        "[a-z]+ment => ment",
        "red (cat|dog) => red",
        "cat|dog => null",
        "(?x)d o g => null",
        "\\Qdog\\E => null",
        "\\p{Lu}abc => abc",
        "\\u0041bc => null",
        "\\x{41}bcd => bcd",
        "\\d+apple => apple",
        "a.b.c => null",
        "kelvin => kelv",
        "window\\.\\s+dogs => ndow"}, delimiterString = " => ", nullValues = "null")
    void literalsEveryMatchMustContain(String regex, String literal) {
        assertEquals(literal, RegexLiteral.required(regex), regex);
    }

    @ParameterizedTest
    @CsvSource(value = {
        "\\bfrisbees?\\b => frisbee",
        "kelvin => kelvin",
        "window\\.\\s+dogs => window",
        "miss+ => miss",
        "dog|cat => null"}, delimiterString = " => ", nullValues = "null")
    void inPlainAsciiTextIAndSCount(String regex, String literal) {
        assertEquals(literal, RegexLiteral.required(regex, true), regex);
    }
}
