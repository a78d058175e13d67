using System.Text;

namespace Evidentia.Ingestion;

/// <summary>
/// Lines of a text (ended by \n or \r\n) no longer than a limit: a longer line is read through to its end without
/// being kept, so that one line of a gigabyte costs no more memory than one of the limit.
/// </summary>
internal sealed class BoundedLineReader(TextReader inner, int maxChars)
{
    private readonly char[] _buffer = new char[64 * 1024];
    private readonly StringBuilder _line = new();
    private int _start;
    private int _end;

    /// <summary>
    /// Reads the next line: false at the end of the text; <paramref name="line"/> null when the line is longer than
    /// the limit (and skipped).
    /// </summary>
    public bool Next(out string? line)
    {
        _line.Clear();
        var tooLong = false;
        var any = false;
        while (true)
        {
            if (_start == _end)
            {
                _start = 0;
                _end = inner.Read(_buffer, 0, _buffer.Length);
                if (_end == 0)
                {
                    if (!any)
                    {
                        line = null;
                        return false;
                    }

                    break;
                }
            }

            any = true;
            var span = _buffer.AsSpan(_start, _end - _start);
            var newline = span.IndexOf('\n');
            var part = newline < 0 ? span : span[..newline];
            if (!tooLong && _line.Length + part.Length > maxChars + 1)
            {
                tooLong = true;
                _line.Clear();
            }

            if (!tooLong)
            {
                _line.Append(part);
            }

            _start += newline < 0 ? span.Length : newline + 1;
            if (newline >= 0)
            {
                break;
            }
        }

        if (!tooLong && _line.Length > 0 && _line[^1] == '\r')
        {
            _line.Length--;
        }

        line = tooLong || _line.Length > maxChars ? null : _line.ToString();
        return true;
    }
}
