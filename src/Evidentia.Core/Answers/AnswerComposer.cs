using System.Security.Cryptography;
using System.Text;

namespace Evidentia.Core.Answers;

/// <summary>
/// The extractive composer: every sentence of an answer is a span of a stored document, cited with its
/// exact offsets. It picks the best-scored sentences, merges near-identical ones (citing every source that
/// states them), writes the bottom line from the best of them and numbers references in order of first use.
/// It abstains when the best evidence is below <see cref="ComposerOptions.MinRelevance"/>.
/// </summary>
public sealed class AnswerComposer(ComposerOptions options)
{
    /// <summary>Composes the answer to <paramref name="question"/> from candidate sentences.</summary>
    public Answer Compose(string question, Audience audience, IReadOnlyList<ScoredPassage> candidates, string? questionId = null)
    {
        var usable = candidates
            .Where(c => c.Document.Citable && IsStatement(c.Text))
            .OrderByDescending(c => c.Score)
            .ToList();
        var id = AnswerId(question, audience);
        if (usable.Count == 0)
        {
            return Declined(id, questionId, question, audience, "Nothing found: no indexed source matches the question.");
        }

        var best = usable.Max(c => c.Relevance);
        if (best < options.MinRelevance)
        {
            return Declined(id, questionId, question, audience,
                $"Below threshold: the closest evidence covers {best:P0} of the question (at least {options.MinRelevance:P0} is required).");
        }

        var picked = Select(usable);
        var references = new List<Reference>();
        var numbers = new Dictionary<Documents.DocumentKey, int>();
        var items = picked.Select(group => ToItem(group, references, numbers)).ToList();
        var bottom = items.Take(options.BottomLineSentences).ToList();
        var rest = items.Skip(options.BottomLineSentences).ToList();
        return new Answer
        {
            Id = id,
            QuestionId = questionId,
            Outcome = AnswerOutcome.Answered,
            Question = question,
            Audience = audience,
            BottomLine = bottom,
            Sections = rest.Count == 0 ? [] : [new AnswerSection("Key points", rest)],
            References = references,
        };
    }

    // Groups of equivalent sentences: the first is shown, all are cited.
    private List<List<ScoredPassage>> Select(List<ScoredPassage> usable)
    {
        var groups = new List<(HashSet<string> Words, List<ScoredPassage> Members)>();
        var perDocument = new Dictionary<Documents.DocumentKey, int>();
        foreach (var candidate in usable)
        {
            if (candidate.Relevance < options.MinRelevance)
            {
                continue;
            }

            var words = Words(candidate.Text);
            var same = groups.FirstOrDefault(g => Jaccard(g.Words, words) >= options.DuplicateOverlap);
            if (same.Members is not null)
            {
                if (same.Members.All(m => m.Document.Key != candidate.Document.Key))
                {
                    same.Members.Add(candidate);
                }

                continue;
            }

            if (groups.Count >= options.MaxSentences)
            {
                continue;
            }

            var count = perDocument.GetValueOrDefault(candidate.Document.Key);
            if (count >= options.MaxSentencesPerDocument)
            {
                continue;
            }

            perDocument[candidate.Document.Key] = count + 1;
            groups.Add((words, [candidate]));
        }

        return groups.Select(g => g.Members).ToList();
    }

    private static AnswerItem ToItem(List<ScoredPassage> group, List<Reference> references, Dictionary<Documents.DocumentKey, int> numbers)
    {
        var citations = new List<int>();
        var quotes = new List<Quote>();
        foreach (var member in group)
        {
            var document = member.Document;
            if (!numbers.TryGetValue(document.Key, out var n))
            {
                n = references.Count + 1;
                numbers[document.Key] = n;
                references.Add(new Reference(n, document.Id, document.Collection, document.Title, document.Source, document.Year, document.EvidenceLevel, document.Url));
            }

            if (!citations.Contains(n))
            {
                citations.Add(n);
            }

            var span = member.Passage.Span;
            quotes.Add(new Quote(n, document.Id, document.Collection, span.Start, span.End, member.Text));
        }

        return new AnswerItem(group[0].Text, citations, quotes);
    }

    private bool IsStatement(string sentence) =>
        sentence.Length >= options.MinSentenceLength
        && sentence.Length <= options.MaxSentenceLength
        && sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length is var words
        && words >= options.MinWords
        // A line without closing punctuation is a label, a link title or a list fragment unless it is long.
        && (sentence[^1] is '.' or '!' or ')' or '"' or ']' or '”' || words >= 12)
        && !sentence.EndsWith('?')
        && !sentence.EndsWith(':');

    private static Answer Declined(string id, string? questionId, string question, Audience audience, string reason) => new()
    {
        Id = id,
        QuestionId = questionId,
        Outcome = AnswerOutcome.InsufficientEvidence,
        Reason = reason,
        Question = question,
        Audience = audience,
    };

    /// <summary>A stable id for a question and audience: the same question gets the same id.</summary>
    public static string AnswerId(string question, Audience audience)
    {
        var normalized = Text.WhitespaceNormalizer.CollapseAll(question).ToLowerInvariant() + "|" + audience;
        return "a-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)))[..12];
    }

    private static HashSet<string> Words(string text)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var sb = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
            else if (sb.Length > 0)
            {
                words.Add(sb.ToString());
                sb.Clear();
            }
        }

        if (sb.Length > 0)
        {
            words.Add(sb.ToString());
        }

        return words;
    }

    private static double Jaccard(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        var inter = a.Count(b.Contains);
        return (double)inter / (a.Count + b.Count - inter);
    }
}
