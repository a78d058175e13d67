using Evidentia.Core.Answers;

namespace Evidentia.Core.Articles;

/// <summary>
/// What a reviewer or editor may change in an article: remove sentences, reorder them within their part (the
/// bottom line or a section), and add a reviewer's note. Nothing else: no sentence can be added or reworded,
/// so every clinical statement stays a cited quote. References are renumbered in order of first use.
/// </summary>
public static class ArticleEdit
{
    /// <summary>Longest reviewer's note, in characters.</summary>
    public const int MaxNoteLength = 2000;

    /// <summary>Every sentence of an answer with its key: <c>b{i}</c> in the bottom line, <c>s{section}-{i}</c> in a section.</summary>
    public static IReadOnlyList<(string Key, string? Section, AnswerItem Item)> Items(Answer answer) =>
    [
        .. answer.BottomLine.Select((item, i) => ($"b{i}", (string?)null, item)),
        .. answer.Sections.SelectMany((section, s) => section.Items.Select((item, i) => ($"s{s}-{i}", (string?)section.Heading, item))),
    ];

    /// <summary>The answer with only the sentences of <paramref name="keep"/>, in that order within each part.</summary>
    /// <exception cref="ArgumentException">A key is unknown or repeated, the note is too long, or nothing would be left of an answer.</exception>
    public static Answer Apply(Answer answer, IReadOnlyList<string> keep, string? note)
    {
        var items = Items(answer).ToDictionary(i => i.Key);
        if (keep.FirstOrDefault(k => !items.ContainsKey(k)) is { } unknown)
        {
            throw new ArgumentException($"The answer has no sentence '{unknown}'.", nameof(keep));
        }

        if (keep.Distinct(StringComparer.Ordinal).Count() != keep.Count)
        {
            throw new ArgumentException("A sentence is kept twice.", nameof(keep));
        }

        if (answer.Outcome == AnswerOutcome.Answered && keep.Count == 0)
        {
            throw new ArgumentException("An answered article must keep at least one sentence.", nameof(keep));
        }

        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (note?.Length > MaxNoteLength)
        {
            throw new ArgumentException($"The reviewer's note is {note.Length:N0} characters long; the limit is {MaxNoteLength:N0}.", nameof(note));
        }

        var bottomLine = keep.Where(k => k[0] == 'b').Select(k => items[k].Item).ToList();
        var sections = answer.Sections
            .Select((section, s) => new AnswerSection(section.Heading, keep.Where(k => k.StartsWith($"s{s}-", StringComparison.Ordinal)).Select(k => items[k].Item).ToList()))
            .Where(section => section.Items.Count > 0)
            .ToList();
        return Renumber(answer with { BottomLine = bottomLine, Sections = sections, ReviewerNote = note });
    }

    // References in order of first use by the sentences left; unused ones dropped.
    private static Answer Renumber(Answer answer)
    {
        var map = new Dictionary<int, int>();
        foreach (var n in answer.AllItems.SelectMany(i => i.Citations))
        {
            map.TryAdd(n, map.Count + 1);
        }

        AnswerItem Item(AnswerItem item) => item with
        {
            Citations = item.Citations.Select(n => map[n]).ToList(),
            Quotes = item.Quotes.Select(q => q with { N = map[q.N] }).ToList(),
        };

        return answer with
        {
            BottomLine = answer.BottomLine.Select(Item).ToList(),
            Sections = answer.Sections.Select(s => s with { Items = s.Items.Select(Item).ToList() }).ToList(),
            References = answer.References.Where(r => map.ContainsKey(r.N)).Select(r => r with { N = map[r.N] }).OrderBy(r => r.N).ToList(),
        };
    }
}
