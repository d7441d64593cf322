using System.Globalization;
using System.Text;

namespace LicenseGovernance.Tests.Metadata;

/// <summary>
/// Reads the subset of PowerShell data-file syntax module manifests use: a hashtable of strings, numbers, $true/$false/$null,
/// arrays (@(...) or comma lists) and nested hashtables, with # and &lt;# #&gt; comments. Anything else (variables,
/// expressions, sub-expressions in strings) is rejected rather than guessed, as Import-PowerShellDataFile would.
/// </summary>
public sealed class PowerShellDataFile
{
    private readonly string text;
    private int position;

    private PowerShellDataFile(string text) => this.text = text;

    /// <summary>Keys are case-insensitive, as in PowerShell. Arrays become <see cref="List{T}"/> of object.</summary>
    public static Dictionary<string, object?> Parse(string text)
    {
        var parser = new PowerShellDataFile(text);
        parser.SkipTrivia(newlines: true);
        var result = parser.ReadHashtable();
        parser.SkipTrivia(newlines: true);
        if (parser.position != text.Length)
        {
            throw parser.Error("unexpected text after the hashtable");
        }

        return result;
    }

    private Dictionary<string, object?> ReadHashtable()
    {
        Expect("@{");
        var table = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        while (true)
        {
            SkipTrivia(newlines: true);
            if (TryConsume("}"))
            {
                return table;
            }

            if (TryConsume(";"))
            {
                continue;
            }

            var key = Peek() is '\'' or '"' ? ReadString() : ReadBareWord();
            SkipTrivia(newlines: false);
            Expect("=");
            SkipTrivia(newlines: true);
            if (!table.TryAdd(key, ReadStatementValue()))
            {
                throw Error($"duplicate key '{key}'");
            }
        }
    }

    /// <summary>A value in a hashtable entry, where 'a', 'b' (a comma list without @()) is an array.</summary>
    private object? ReadStatementValue()
    {
        var first = ReadValue();
        SkipTrivia(newlines: false);
        if (Peek() != ',')
        {
            return first;
        }

        var items = new List<object?> { first };
        while (TryConsume(","))
        {
            SkipTrivia(newlines: true);
            items.Add(ReadValue());
            SkipTrivia(newlines: false);
        }

        return items;
    }

    private object? ReadValue()
    {
        if (Matches("@{"))
        {
            return ReadHashtable();
        }

        if (Matches("@("))
        {
            return ReadArray();
        }

        var c = Peek();
        if (c is '\'' or '"')
        {
            return ReadString();
        }

        if (c == '$')
        {
            position++;
            var name = ReadBareWord().ToLowerInvariant();
            return name switch
            {
                "true" => true,
                "false" => false,
                "null" => null,
                _ => throw Error($"variable ${name} is not allowed in a data file"),
            };
        }

        if (c is >= '0' and <= '9' or '-')
        {
            var start = position++;
            while (position < text.Length && (char.IsDigit(text[position]) || text[position] == '.'))
            {
                position++;
            }

            return decimal.Parse(text.AsSpan(start, position - start), NumberStyles.Number, CultureInfo.InvariantCulture);
        }

        throw Error("expected a value");
    }

    private List<object?> ReadArray()
    {
        Expect("@(");
        var items = new List<object?>();
        while (true)
        {
            SkipTrivia(newlines: true);
            if (TryConsume(")"))
            {
                return items;
            }

            if (items.Count > 0 && TryConsume(","))
            {
                SkipTrivia(newlines: true);
            }

            items.Add(ReadValue());
        }
    }

    private string ReadString()
    {
        var quote = text[position++];
        var value = new StringBuilder();
        while (position < text.Length)
        {
            var c = text[position++];
            if (c == quote)
            {
                // A doubled quote is the quote character itself.
                if (Peek() == quote)
                {
                    value.Append(quote);
                    position++;
                    continue;
                }

                return value.ToString();
            }

            if (quote == '"' && c == '$')
            {
                throw Error("expandable strings ($ inside double quotes) are not allowed in a data file");
            }

            if (quote == '"' && c == '`' && position < text.Length)
            {
                var escaped = text[position++];
                value.Append(escaped switch { 'n' => '\n', 'r' => '\r', 't' => '\t', '0' => '\0', _ => escaped });
                continue;
            }

            value.Append(c);
        }

        throw Error("string is never closed");
    }

    private string ReadBareWord()
    {
        var start = position;
        while (position < text.Length && (char.IsLetterOrDigit(text[position]) || text[position] is '_' or '.' or '-'))
        {
            position++;
        }

        return position > start ? text.Substring(start, position - start) : throw Error("expected a name");
    }

    private void SkipTrivia(bool newlines)
    {
        while (position < text.Length)
        {
            var c = text[position];
            if (c == '#')
            {
                while (position < text.Length && text[position] != '\n')
                {
                    position++;
                }
            }
            else if (Matches("<#"))
            {
                var end = text.IndexOf("#>", position + 2, StringComparison.Ordinal);
                position = end < 0 ? throw Error("block comment is never closed") : end + 2;
            }
            else if (c is ' ' or '\t' or '\r' || (newlines && c == '\n') || c == '\uFEFF')
            {
                position++;
            }
            else
            {
                return;
            }
        }
    }

    private char Peek() => position < text.Length ? text[position] : '\0';

    private bool Matches(string token) => string.CompareOrdinal(text, position, token, 0, token.Length) == 0;

    private bool TryConsume(string token)
    {
        if (!Matches(token))
        {
            return false;
        }

        position += token.Length;
        return true;
    }

    private void Expect(string token)
    {
        if (!TryConsume(token))
        {
            throw Error($"expected '{token}'");
        }
    }

    private FormatException Error(string problem)
    {
        var line = 1 + text.Take(Math.Min(position, text.Length)).Count(c => c == '\n');
        return new FormatException($"Line {line}: {problem}.");
    }
}
