using System.Text.Json;
using Evidentia.Core.Documents;

namespace Evidentia.Ingestion.Readers;

/// <summary>
/// The shared loop of every JSON Lines format: one record a line; a malformed line, a line longer than
/// <see cref="IngestLimits.MaxLineChars"/> or a record that its mapper rejects is reported with file and line, and the
/// rest of the file goes on.
/// </summary>
internal static class JsonLines
{
    public static IEnumerable<Document> Read(
        SourceFile file, IngestReport report, CancellationToken cancellationToken, Func<JsonElement, string, Document?> map)
    {
        using var text = file.OpenText();
        var lines = new BoundedLineReader(text, IngestLimits.MaxLineChars);
        var number = 0;
        while (lines.Next(out var line))
        {
            cancellationToken.ThrowIfCancellationRequested();
            number++;
            if (line is null)
            {
                report.Problem(file.Path, number, $"the line is longer than {IngestLimits.MaxLineChars:N0} characters: skipped");
                continue;
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            // What cannot open an object is refused before the parser (whose exception costs more than the line).
            if (line.AsSpan().TrimStart()[0] != '{')
            {
                report.Problem(file.Path, number, "a line must hold one JSON object");
                continue;
            }

            Document? document;
            try
            {
                using var json = JsonDocument.Parse(line);
                if (json.RootElement.ValueKind != JsonValueKind.Object)
                {
                    throw new InvalidSourceException("a line must hold one JSON object");
                }

                document = map(json.RootElement, $"{file.Path}:{number}");
            }
            catch (JsonException e)
            {
                report.Problem(file.Path, number, $"malformed JSON: {e.Message}");
                continue;
            }
            catch (InvalidSourceException e)
            {
                report.Problem(file.Path, number, e.Message);
                continue;
            }

            if (document is not null)
            {
                yield return document;
            }
        }
    }

    public static string? String(this JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public static string Required(this JsonElement e, string name) =>
        e.String(name) is { Length: > 0 } value ? value : throw new InvalidSourceException($"required field \"{name}\" is missing or empty");

    public static IReadOnlyList<string> Strings(this JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).Where(s => s.Length > 0).ToList()
            : [];

    /// <summary>A year given as a number or a string ("2011"); null when absent or not a plausible year.</summary>
    public static int? Year(this JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var v))
        {
            return null;
        }

        var year = v.ValueKind switch
        {
            JsonValueKind.Number when v.TryGetInt32(out var n) => n,
            JsonValueKind.String when int.TryParse(v.GetString(), out var n) => n,
            _ => (int?)null,
        };
        return year is >= 1800 and <= 2100 ? year : null;
    }
}
