package org.llavainspector.core.dataset;

import com.fasterxml.jackson.core.JsonToken;

/** The JSON type found where a field was expected (used to report wrong types without building a tree). */
public enum JsonShape {
    MISSING("missing"),
    STRING("a string"),
    NUMBER("a number"),
    BOOLEAN("a boolean"),
    NULL("null"),
    ARRAY("a list"),
    OBJECT("an object");

    private final String description;

    JsonShape(String description) {
        this.description = description;
    }

    /** Human wording, e.g. "a list". */
    public String description() {
        return description;
    }

    static JsonShape of(JsonToken token) {
        switch (token) {
            case VALUE_STRING:
                return STRING;
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return NUMBER;
            case VALUE_TRUE:
            case VALUE_FALSE:
                return BOOLEAN;
            case VALUE_NULL:
                return NULL;
            case START_ARRAY:
                return ARRAY;
            case START_OBJECT:
                return OBJECT;
            default:
                return MISSING;
        }
    }
}
