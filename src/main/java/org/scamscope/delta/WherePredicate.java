package org.scamscope.delta;

import io.delta.kernel.expressions.Column;
import io.delta.kernel.expressions.Expression;
import io.delta.kernel.expressions.Literal;
import io.delta.kernel.expressions.Predicate;
import io.delta.kernel.types.BooleanType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DateType;
import io.delta.kernel.types.DecimalType;
import io.delta.kernel.types.DoubleType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import org.scamscope.ExitCodes;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The condition of `show --where` as a Delta Kernel predicate: comparisons of a column with a
 * literal (= == != <> < <= > >=), IS [NOT] NULL, [NOT] IN (...), [NOT] LIKE '...', joined by AND,
 * OR, NOT and parentheses. Only what Kernel itself evaluates, and nothing else: no functions, no
 * SQL, so a condition can read nothing but the table's own columns. Anything else is a usage error
 * saying what is supported and where the condition stops making sense.
 */
public final class WherePredicate {
    public static final String SUPPORTED = "column = | == | != | <> | < | <= | > | >= literal, column IS [NOT] NULL, "
            + "column [NOT] IN (literal, ...), column [NOT] LIKE 'pattern', joined by AND, OR, NOT and ( )";

    private final String text;
    private final StructType schema;
    private final List<String> tokens = new ArrayList<>();
    private final List<Integer> positions = new ArrayList<>();
    private int next;

    private WherePredicate(String text, StructType schema) {
        this.text = text;
        this.schema = schema;
    }

    /** The predicate text states over the columns of schema. */
    public static Predicate parse(String text, StructType schema) {
        WherePredicate p = new WherePredicate(text, schema);
        p.tokenize();
        if (p.tokens.isEmpty()) throw p.error(0, "the condition is empty");
        Predicate out = p.or();
        if (p.next < p.tokens.size()) throw p.error(p.positions.get(p.next), "unexpected '" + p.tokens.get(p.next) + "'");
        return out;
    }

    private RuntimeException error(int at, String what) {
        return ExitCodes.usage("--where " + text + ": " + what + " at character " + (at + 1) + "; supported: " + SUPPORTED);
    }

    private void tokenize() {
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int start = i;
            if (c == '\'' || c == '"' || c == '`') {
                StringBuilder b = new StringBuilder().append(c);
                i++;
                while (true) {
                    if (i >= text.length()) throw error(start, "a quote " + c + " that is not closed");
                    char d = text.charAt(i);
                    if (d == c && i + 1 < text.length() && text.charAt(i + 1) == c) { // '' is a quote inside quotes
                        b.append(c);
                        i += 2;
                    } else if (d == c) {
                        i++;
                        break;
                    } else {
                        b.append(d);
                        i++;
                    }
                }
                add(b.toString(), start);
            } else if ("()," .indexOf(c) >= 0) {
                add(String.valueOf(c), i++);
            } else if ("=!<>".indexOf(c) >= 0) {
                String two = i + 1 < text.length() ? text.substring(i, i + 2) : "";
                if (List.of("==", "!=", "<>", "<=", ">=").contains(two)) {
                    add(two, i);
                    i += 2;
                } else if (c == '!') {
                    throw error(i, "'!' alone");
                } else {
                    add(String.valueOf(c), i++);
                }
            } else if (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == '+') {
                while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || "_.-+".indexOf(text.charAt(i)) >= 0)) i++;
                add(text.substring(start, i), start);
            } else {
                throw error(i, "'" + c + "' is not part of a condition");
            }
        }
    }

    private void add(String token, int at) {
        tokens.add(token);
        positions.add(at);
    }

    private String peek() {
        return next < tokens.size() ? tokens.get(next) : null;
    }

    private boolean word(String w) {
        String t = peek();
        if (t != null && t.equalsIgnoreCase(w) && !quoted(t)) {
            next++;
            return true;
        }
        return false;
    }

    private int at() {
        return next < positions.size() ? positions.get(next) : text.length();
    }

    private static boolean quoted(String token) {
        return token.startsWith("'") || token.startsWith("\"") || token.startsWith("`");
    }

    private Predicate or() {
        Predicate left = and();
        while (word("OR")) left = new Predicate("OR", left, and());
        return left;
    }

    private Predicate and() {
        Predicate left = not();
        while (word("AND")) left = new Predicate("AND", left, not());
        return left;
    }

    private Predicate not() {
        if (word("NOT")) return new Predicate("NOT", not());
        if (word("(")) {
            Predicate inner = or();
            if (!word(")")) throw error(at(), "a ')' is missing");
            return inner;
        }
        return comparison();
    }

    private Predicate comparison() {
        int columnAt = at();
        StructField field = column();
        Column col = new Column(field.getName());
        DataType type = field.getDataType();
        String op = peek();
        if (op == null) throw error(text.length(), "a comparison is missing after " + field.getName());
        if (word("IS")) {
            boolean negated = word("NOT");
            if (!word("NULL")) throw error(at(), "IS must be followed by NULL or NOT NULL");
            return new Predicate(negated ? "IS_NOT_NULL" : "IS_NULL", col);
        }
        boolean negated = word("NOT");
        if (word("IN")) {
            if (!word("(")) throw error(at(), "IN must be followed by (");
            List<Expression> args = new ArrayList<>();
            args.add(col);
            do {
                args.add(literal(type, field.getName()));
            } while (word(","));
            if (!word(")")) throw error(at(), "a ')' is missing after the IN list");
            Predicate in = new Predicate("IN", args);
            return negated ? new Predicate("NOT", in) : in;
        }
        if (word("LIKE")) {
            if (!(type instanceof StringType)) throw error(columnAt, field.getName() + " is not text, so LIKE does not apply");
            Predicate like = new Predicate("LIKE", col, literal(type, field.getName()));
            return negated ? new Predicate("NOT", like) : like;
        }
        if (negated) throw error(at(), "NOT here must be followed by IN or LIKE");
        int opAt = at();
        next++;
        Expression value = literal(type, field.getName());
        return switch (op) {
            case "=", "==" -> new Predicate("=", col, value);
            case "!=", "<>" -> new Predicate("NOT", new Predicate("=", col, value));
            case "<", "<=", ">", ">=" -> new Predicate(op, col, value);
            default -> throw error(opAt, "'" + op + "' is not a comparison");
        };
    }

    private StructField column() {
        int where = at();
        String t = peek();
        if (t == null) throw error(where, "a column is missing");
        if (t.startsWith("'") || t.startsWith("\"") || "(),=<>!".contains(t.substring(0, 1))) {
            throw error(where, "a condition starts with a column name, not '" + t + "'");
        }
        next++;
        String name = t.startsWith("`") ? t.substring(1) : t;
        for (StructField f : schema.fields()) {
            if (f.getName().equalsIgnoreCase(name)) return f;
        }
        throw error(where, "no column '" + name + "'; the columns are " + String.join(", ", schema.fieldNames()));
    }

    /** The next token as a literal of the column's type. */
    private Literal literal(DataType type, String column) {
        int where = at();
        String t = peek();
        if (t == null) throw error(where, "a value is missing");
        next++;
        if (t.equalsIgnoreCase("NULL")) return Literal.ofNull(type);
        boolean isString = t.startsWith("'") || t.startsWith("\"");
        String v = isString ? t.substring(1) : t;
        if (t.equalsIgnoreCase("DATE") && type instanceof DateType) return literal(type, column);
        try {
            if (type instanceof StringType) {
                if (!isString) throw error(where, column + " is text: quote the value, '" + v + "'");
                return Literal.ofString(v);
            }
            if (type instanceof LongType) return Literal.ofLong(Long.parseLong(v));
            if (type instanceof IntegerType) return Literal.ofInt(Integer.parseInt(v));
            if (type instanceof DoubleType) return Literal.ofDouble(Double.parseDouble(v));
            if (type instanceof DecimalType d) {
                BigDecimal b = new BigDecimal(v).setScale(d.getScale(), RoundingMode.UNNECESSARY);
                return Literal.ofDecimal(b, d.getPrecision(), d.getScale());
            }
            if (type instanceof BooleanType) {
                String b = v.toLowerCase(Locale.ROOT);
                if (!b.equals("true") && !b.equals("false")) throw new IllegalArgumentException();
                return Literal.ofBoolean(b.equals("true"));
            }
            if (type instanceof DateType) return Literal.ofDate((int) LocalDate.parse(v).toEpochDay());
        } catch (NumberFormatException | ArithmeticException | DateTimeParseException e) {
            throw error(where, "'" + v + "' is not a value of " + column + " (" + type + ")");
        } catch (IllegalArgumentException e) {
            throw error(where, "'" + v + "' is not true or false, which " + column + " holds");
        }
        throw error(where, column + " is of type " + type + ", which --where cannot compare");
    }
}
