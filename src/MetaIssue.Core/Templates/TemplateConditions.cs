using System.Text;

namespace MetaIssue.Templates;

/// <summary>
/// The template engine's conditional blocks in Markdown (<c>&lt;!--#if (cond) --&gt;</c>, <c>#elseif</c>, <c>#else</c>,
/// <c>#endif</c>, each on a line of its own, nestable) and the part of its condition language our templates use:
/// symbol names, string literals, <c>!</c>, <c>&amp;&amp;</c>, <c>||</c>, <c>==</c>, <c>!=</c> and parentheses. A
/// symbol is true when its value is "true" (case-insensitive).
/// </summary>
internal static class TemplateConditions
{
    /// <summary>The text with directive lines removed and only the branches whose condition holds kept.</summary>
    /// <exception cref="InvalidOperationException">Unbalanced directives or a condition outside the supported language.</exception>
    public static string Apply(string text, Func<string, string?> value)
    {
        if (text.IndexOf("<!--#", StringComparison.Ordinal) < 0)
        {
            return text;
        }

        var output = new StringBuilder(text.Length);
        var stack = new Stack<(bool ParentActive, bool Taken, bool Active)>();
        var active = true;
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end + 1;
            var line = text.Substring(start, end - start);
            var directive = line.Trim();
            if (directive.StartsWith("<!--#if", StringComparison.Ordinal))
            {
                var holds = active && Evaluate(Condition(directive), value);
                stack.Push((active, holds, holds));
                active = holds;
            }
            else if (directive.StartsWith("<!--#elseif", StringComparison.Ordinal) || directive.StartsWith("<!--#else", StringComparison.Ordinal) || directive.StartsWith("<!--#endif", StringComparison.Ordinal))
            {
                if (stack.Count == 0)
                {
                    throw new InvalidOperationException($"'{directive}' without an #if");
                }

                var (parent, taken, _) = stack.Pop();
                if (directive.StartsWith("<!--#endif", StringComparison.Ordinal))
                {
                    active = parent;
                }
                else
                {
                    var holds = parent && !taken && (directive.StartsWith("<!--#elseif", StringComparison.Ordinal) ? Evaluate(Condition(directive), value) : true);
                    stack.Push((parent, taken || holds, holds));
                    active = holds;
                }
            }
            else if (active)
            {
                output.Append(line);
            }

            start = end;
        }

        return stack.Count == 0 ? output.ToString() : throw new InvalidOperationException("an #if without its #endif");
    }

    private static string Condition(string directive)
    {
        var open = directive.IndexOf('(');
        var close = directive.LastIndexOf(')');
        return open >= 0 && close > open ? directive.Substring(open, close - open + 1) : throw new InvalidOperationException($"'{directive}' has no (condition)");
    }

    internal static bool Evaluate(string condition, Func<string, string?> value)
    {
        var parser = new Parser(condition, value);
        var result = parser.Or();
        return parser.AtEnd ? Truth(result) : throw new InvalidOperationException($"cannot read the condition '{condition}'");
    }

    private static bool Truth(string? value) => string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);

    private sealed class Parser(string text, Func<string, string?> value)
    {
        private int _at;

        public bool AtEnd
        {
            get
            {
                Skip();
                return _at >= text.Length;
            }
        }

        public string? Or()
        {
            var left = And();
            while (Take("||"))
            {
                var right = And();
                left = Bool(Truth(left) || Truth(right));
            }

            return left;
        }

        private string? And()
        {
            var left = Comparison();
            while (Take("&&"))
            {
                var right = Comparison();
                left = Bool(Truth(left) && Truth(right));
            }

            return left;
        }

        private string? Comparison()
        {
            var left = Unary();
            if (Take("=="))
            {
                return Bool(string.Equals(left, Unary(), StringComparison.Ordinal));
            }

            return Take("!=") ? Bool(!string.Equals(left, Unary(), StringComparison.Ordinal)) : left;
        }

        private string? Unary()
        {
            if (Take("!"))
            {
                return Bool(!Truth(Unary()));
            }

            Skip();
            if (Take("("))
            {
                var inner = Or();
                return Take(")") ? inner : throw Error();
            }

            if (_at < text.Length && text[_at] == '"')
            {
                var close = text.IndexOf('"', _at + 1);
                var literal = close > _at ? text.Substring(_at + 1, close - _at - 1) : throw Error();
                _at = close + 1;
                return literal;
            }

            var start = _at;
            while (_at < text.Length && (char.IsLetterOrDigit(text[_at]) || text[_at] == '_' || text[_at] == '-'))
            {
                _at++;
            }

            return _at > start ? value(text.Substring(start, _at - start)) : throw Error();
        }

        private bool Take(string token)
        {
            Skip();
            if (string.CompareOrdinal(text, _at, token, 0, token.Length) == 0 && !(token == "!" && _at + 1 < text.Length && text[_at + 1] == '='))
            {
                _at += token.Length;
                return true;
            }

            return false;
        }

        private void Skip()
        {
            while (_at < text.Length && char.IsWhiteSpace(text[_at]))
            {
                _at++;
            }
        }

        private static string Bool(bool value) => value ? "true" : "false";

        private InvalidOperationException Error() => new($"cannot read the condition '{text}' at {_at}");
    }
}
