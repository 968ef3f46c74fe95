using System.Globalization;

namespace TfOps.Parity;

/// <summary>
/// Parses the Python dict literal of an .npy header: string keys; values that are strings, True or
/// False, or tuples of non-negative integers. Anything else is a <see cref="FormatException"/>.
/// </summary>
internal sealed class HeaderDictParser(string text)
{
    private int _position;

    public Dictionary<string, object> Parse()
    {
        var result = new Dictionary<string, object>(StringComparer.Ordinal);
        Expect('{');
        while (true)
        {
            SkipSpace();
            if (TryTake('}'))
            {
                break;
            }

            string key = ReadString();
            Expect(':');
            result[key] = ReadValue();
            SkipSpace();
            if (!TryTake(','))
            {
                Expect('}');
                break;
            }
        }

        SkipSpace();
        return _position == text.Length ? result : throw Error("trailing characters after the header dict");
    }

    private object ReadValue()
    {
        SkipSpace();
        if (Peek() is '\'' or '"')
        {
            return ReadString();
        }

        if (Peek() == '(')
        {
            return ReadTuple();
        }

        foreach (var (word, value) in new[] { ("True", true), ("False", false) })
        {
            if (string.CompareOrdinal(text, _position, word, 0, word.Length) == 0)
            {
                _position += word.Length;
                return value;
            }
        }

        throw Error("unsupported value in the header dict");
    }

    private long[] ReadTuple()
    {
        Expect('(');
        var dims = new List<long>();
        while (true)
        {
            SkipSpace();
            if (TryTake(')'))
            {
                return [.. dims];
            }

            int start = _position;
            while (_position < text.Length && char.IsAsciiDigit(text[_position]))
            {
                _position++;
            }

            if (start == _position || !long.TryParse(text.AsSpan(start, _position - start), NumberStyles.None, CultureInfo.InvariantCulture, out long dim))
            {
                throw Error("shape holds something other than a non-negative integer");
            }

            dims.Add(dim);
            SkipSpace();
            if (!TryTake(','))
            {
                Expect(')');
                return [.. dims];
            }
        }
    }

    private string ReadString()
    {
        SkipSpace();
        char quote = Peek();
        if (quote is not ('\'' or '"'))
        {
            throw Error("expected a quoted string");
        }

        int end = text.IndexOf(quote, _position + 1);
        if (end < 0)
        {
            throw Error("unterminated string");
        }

        string value = text[(_position + 1)..end];
        _position = end + 1;
        return value;
    }

    private void Expect(char c)
    {
        SkipSpace();
        if (!TryTake(c))
        {
            throw Error($"expected '{c}'");
        }
    }

    private bool TryTake(char c)
    {
        if (_position < text.Length && text[_position] == c)
        {
            _position++;
            return true;
        }

        return false;
    }

    private char Peek() => _position < text.Length ? text[_position] : '\0';

    private void SkipSpace()
    {
        while (_position < text.Length && char.IsWhiteSpace(text[_position]))
        {
            _position++;
        }
    }

    private FormatException Error(string what) => new($"malformed .npy header at character {_position}: {what}");
}
