using System.Text.Json;
using Evidentia.Cli.Rendering;
using Spectre.Console;

namespace Evidentia.Cli.Commands;

/// <summary>
/// The batch input of <c>search --queries</c> and <c>ask --questions</c>: JSON Lines of <c>{"id", "text"}</c>.
/// A malformed line is reported on standard error with its file and line and skipped.
/// </summary>
public static class QuestionFile
{
    public sealed record Entry(string Id, string Text, int Line);

    /// <summary>The entries of <paramref name="path"/>; <paramref name="problems"/> counts the lines skipped.</summary>
    public static List<Entry> Read(string path, out int problems)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No such file: {path}", path);
        }

        var entries = new List<Entry>();
        problems = 0;
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            string? id = null, text = null;
            try
            {
                using var json = JsonDocument.Parse(line);
                var root = json.RootElement;
                if (root.ValueKind == JsonValueKind.Object)
                {
                    id = root.TryGetProperty("id", out var i) ? (i.ValueKind == JsonValueKind.Number ? i.GetRawText() : i.GetString()) : null;
                    text = root.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
                }
            }
            catch (JsonException e)
            {
                Consoles.Error.MarkupLineInterpolated($"[red]problem:[/] {path}:{number}: malformed JSON: {e.Message}");
                problems++;
                continue;
            }

            if (string.IsNullOrWhiteSpace(id) || string.IsNullOrWhiteSpace(text))
            {
                Consoles.Error.MarkupLineInterpolated($"[red]problem:[/] {path}:{number}: a line needs a non-empty \"id\" and \"text\"");
                problems++;
                continue;
            }

            entries.Add(new Entry(id, text, number));
        }

        return entries;
    }
}
