using Evidentia.Core.Documents;

namespace Evidentia.Core.Text;

/// <summary>
/// Lists of short items, each on its own line, under the line that introduces them ("Other signs and symptoms
/// of anemia include:" then "Shortness of breath", "Dizziness" …). Alone, an item says nothing and the line
/// that introduces it is not a statement, so such a list is one passage, shown on one line.
/// </summary>
public static class ShortLists
{
    /// <summary>The most words an item of a short list has.</summary>
    public const int MaxItemWords = 12;

    /// <summary>
    /// <paramref name="sentences"/> of <paramref name="text"/> (<see cref="SentenceSplitter.Split"/>) with each short
    /// list of at least two items joined to the line that introduces it, which ends in a colon.
    /// </summary>
    public static IReadOnlyList<TextSpan> Join(string text, IReadOnlyList<TextSpan> sentences)
    {
        var passages = new List<TextSpan>(sentences.Count);
        for (var i = 0; i < sentences.Count; i++)
        {
            var last = i;
            if (text[sentences[i].End - 1] == ':')
            {
                while (last + 1 < sentences.Count && IsItem(text, sentences[last], sentences[last + 1]))
                {
                    last++;
                }
            }

            if (last - i >= 2)
            {
                passages.Add(new TextSpan(sentences[i].Start, sentences[last].End));
                i = last;
            }
            else
            {
                passages.Add(sentences[i]);
            }
        }

        return passages;
    }

    /// <summary>
    /// A passage as an answer shows it: a short list on one line, its items separated by semicolons and closed by
    /// a full stop ("… include: Shortness of breath; Dizziness; Headache."), a symptom table row by row
    /// (<see cref="SymptomTables.Inline"/>); any other passage as it is.
    /// </summary>
    public static string Inline(string passage)
    {
        if (SymptomTables.Inline(passage) is { } table)
        {
            return table;
        }

        if (!IsLineList(passage))
        {
            return passage;
        }

        var lines = Lines(passage);
        return lines[0] + " " + string.Join("; ", lines.Skip(1).Select(l => l.TrimStart('-', '*', '•', '–', ' '))) + ".";
    }

    /// <summary>
    /// What a passage says it is about: the line that introduces a short list (its items are what the list names, not
    /// its subject: a syndrome's table lists "Obesity" as one of its signs); any other passage as it is.
    /// </summary>
    public static string Subject(string passage) =>
        SymptomTables.Is(passage) ? SymptomTables.Heading : IsLineList(passage) ? Lines(passage)[0] : passage;

    /// <summary>Whether a passage is a short list with the line that introduces it (<see cref="Join"/>), or a symptom table.</summary>
    public static bool IsList(string passage) => IsLineList(passage) || SymptomTables.Is(passage);

    // A short list on lines of its own under the line, ending in a colon, that introduces it.
    private static bool IsLineList(string passage) =>
        passage.Contains('\n') && Lines(passage) is { Length: >= 3 } lines && lines[0].EndsWith(':');

    private static string[] Lines(string passage) => passage.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    // The next sentence is an item: on a line of its own, a phrase of a few words, not a sentence or another list's lead-in.
    private static bool IsItem(string text, TextSpan previous, TextSpan next)
    {
        var item = text.AsSpan(next.Start, next.End - next.Start);
        return text.AsSpan(previous.End, next.Start - previous.End).Contains('\n')
            && item[^1] is not ('.' or '!' or '?' or ':')
            && item.Count(' ') < MaxItemWords;
    }
}
