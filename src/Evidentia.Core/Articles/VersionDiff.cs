using DiffPlex.Chunkers;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Evidentia.Core.Answers;

namespace Evidentia.Core.Articles;

/// <summary>Two article versions compared word by word, over their text form (<see cref="AnswerText"/>).</summary>
public static class VersionDiff
{
    /// <summary>The words of both versions in order, each unchanged, removed (only in the older) or added (only in the newer).</summary>
    public static IReadOnlyList<DiffSegment> Compare(Answer older, Answer newer)
    {
        var model = InlineDiffBuilder.Diff(AnswerText.Render(older), AnswerText.Render(newer), ignoreWhiteSpace: false, ignoreCase: false, WordChunker.Instance);
        var segments = new List<DiffSegment>();
        foreach (var piece in model.Lines)
        {
            var kind = piece.Type switch
            {
                ChangeType.Deleted => DiffKind.Removed,
                ChangeType.Inserted => DiffKind.Added,
                _ => DiffKind.Unchanged,
            };
            // Consecutive words of the same kind read as one segment.
            if (segments.Count > 0 && segments[^1].Kind == kind)
            {
                segments[^1] = segments[^1] with { Text = segments[^1].Text + piece.Text };
            }
            else
            {
                segments.Add(new DiffSegment(kind, piece.Text ?? ""));
            }
        }

        return segments;
    }
}

/// <summary>A run of words of one kind in a comparison.</summary>
public sealed record DiffSegment(DiffKind Kind, string Text);

public enum DiffKind
{
    Unchanged,
    Removed,
    Added,
}
