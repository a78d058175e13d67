using Evidentia.Core.Documents;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Evidentia.Ingestion.Metadata;

/// <summary>
/// The small metadata header of local documents: <c>title</c>, <c>source</c>, <c>year</c>, <c>url</c>,
/// <c>evidence</c>. Markdown carries it as YAML front matter, HTML as <c>&lt;meta&gt;</c>, plain text and
/// PDF as a sidecar <c>NAME.meta.yaml</c>.
/// </summary>
public sealed record LocalMetadata(string? Title, string? Source, int? Year, string? Url, EvidenceLevel? Evidence)
{
    public static LocalMetadata None { get; } = new(null, null, null, null, null);

    /// <summary>The evidence level: the header's, else patient information for NIH consumer pages, else research.</summary>
    public EvidenceLevel Level => Evidence ?? EvidenceLevels.FromUrl(Url);

    /// <summary>Builds metadata from name/value pairs, rejecting an unknown evidence level or a bad year.</summary>
    public static LocalMetadata FromValues(Func<string, string?> get, int? line = null)
    {
        var yearText = get("year");
        int? year = null;
        if (!string.IsNullOrWhiteSpace(yearText))
        {
            year = int.TryParse(yearText.Trim(), out var y) && y is >= 1800 and <= 2100
                ? y
                : throw new InvalidSourceException($"metadata \"year\" is not a year: \"{yearText}\"", line);
        }

        var evidenceText = get("evidence");
        EvidenceLevel? evidence = null;
        if (!string.IsNullOrWhiteSpace(evidenceText))
        {
            evidence = EvidenceLevels.TryParse(evidenceText, out var level)
                ? level
                : throw new InvalidSourceException($"metadata \"evidence\" is not a known evidence level: \"{evidenceText}\"", line);
        }

        return new LocalMetadata(Trimmed(get("title")), Trimmed(get("source")), year, Trimmed(get("url")), evidence);
    }

    /// <summary>Parses a YAML mapping (front matter or sidecar file).</summary>
    public static LocalMetadata FromYaml(string yaml, int firstLine = 1)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new InvalidSourceException($"malformed YAML metadata: {e.Message}", firstLine - 1 + (int)e.Start.Line);
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's parser gives up on some unclosed constructs ("title: [a, b") this way, without a position.
            throw new InvalidSourceException($"malformed YAML metadata: {e.Message}", firstLine, e);
        }

        if (stream.Documents.Count == 0)
        {
            return None;
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode map)
        {
            throw new InvalidSourceException("YAML metadata must be a mapping of name: value", firstLine);
        }

        string? Get(string name) =>
            map.Children.FirstOrDefault(c => c.Key is YamlScalarNode k && string.Equals(k.Value, name, StringComparison.OrdinalIgnoreCase)).Value is YamlScalarNode v
                ? v.Value
                : null;
        return FromValues(Get, firstLine);
    }

    /// <summary>The sidecar <c>NAME.meta.yaml</c> (or <c>.yml</c>) of <paramref name="path"/>, or <see cref="None"/>.</summary>
    public static LocalMetadata FromSidecar(string path)
    {
        foreach (var extension in new[] { ".meta.yaml", ".meta.yml" })
        {
            var sidecar = Path.Combine(Path.GetDirectoryName(path)!, Path.GetFileNameWithoutExtension(path) + extension);
            if (File.Exists(sidecar))
            {
                try
                {
                    return FromYaml(File.ReadAllText(sidecar));
                }
                catch (InvalidSourceException e)
                {
                    throw new InvalidSourceException($"{Path.GetFileName(sidecar)}: {e.Message}", e.Line);
                }
            }
        }

        return None;
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
