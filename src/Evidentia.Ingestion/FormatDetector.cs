using System.Text.RegularExpressions;

namespace Evidentia.Ingestion;

/// <summary>
/// Chooses a reader for each file under the given paths. Dataset files are known by name; a folder that
/// holds a dataset or benchmark file is a dataset folder, and only its dataset files are read there
/// (its dev questions and original archives are skipped with a reason). A README and a benchmark file
/// (questions, judgments) is never a document, in any folder.
/// </summary>
public static partial class FormatDetector
{
    private static readonly (string FileName, string Format)[] DatasetFiles =
    [
        ("medquad.jsonl", "medquad"),
        ("abstracts_corpus.jsonl", "pubmedqa"),
        ("snippets_corpus.jsonl", "bioasq"),
        ("answers_corpus.jsonl", "mediqa"),
        ("ngc_summaries.tar", "ngc"),
    ];

    /// <summary>Every format <c>--format</c> accepts, "auto" first.</summary>
    public static IReadOnlyList<string> Formats { get; } =
        ["auto", "medquad", "pubmedqa", "bioasq", "mediqa", "ngc", "pubmed-xml", "markdown", "html", "text", "pdf", "jsonl"];

    /// <summary>
    /// The format of <paramref name="path"/> in auto mode, or null with the reason it is skipped.
    /// Sidecar metadata files are skipped with an empty reason (not reported).
    /// </summary>
    public static string? Detect(string path, out string reason)
    {
        reason = "";
        var name = Path.GetFileName(path).ToLowerInvariant();
        var bare = name.EndsWith(".gz", StringComparison.Ordinal) ? name[..^3] : name;
        foreach (var (fileName, datasetFormat) in DatasetFiles)
        {
            if (bare == fileName)
            {
                return datasetFormat;
            }
        }

        if (bare.EndsWith(".meta.yaml", StringComparison.Ordinal) || bare.EndsWith(".meta.yml", StringComparison.Ordinal))
        {
            return null;
        }

        // One guideline summary of the NGC archive, unpacked ("ngc-9331.xml").
        if (NgcSummary().IsMatch(bare))
        {
            return "ngc";
        }

        if (IsReadme(bare))
        {
            reason = "a README, not a document";
            return null;
        }

        if (IsBenchmarkFile(name))
        {
            reason = "benchmark questions or judgments, not documents";
            return null;
        }

        if (IsDatasetFolder(Path.GetDirectoryName(path)!))
        {
            reason = "dataset folder: only its document corpus is read";
            return null;
        }

        var format = Path.GetExtension(bare) switch
        {
            ".jsonl" => "jsonl",
            ".xml" => "pubmed-xml",
            ".md" or ".markdown" => "markdown",
            ".html" or ".htm" => "html",
            ".txt" => "text",
            ".pdf" => "pdf",
            _ => null,
        };
        if (format is null)
        {
            reason = "unrecognised file type";
        }

        return format;
    }

    /// <summary>Whether a file inside a folder given with an explicit <c>--format</c> is of that format, by name or extension.</summary>
    public static bool Matches(string path, string format)
    {
        var name = Path.GetFileName(path).ToLowerInvariant();
        var bare = name.EndsWith(".gz", StringComparison.Ordinal) ? name[..^3] : name;
        if (IsReadme(bare))
        {
            return false;
        }

        var extension = Path.GetExtension(bare);
        return format switch
        {
            "markdown" => extension is ".md" or ".markdown",
            "html" => extension is ".html" or ".htm",
            "text" => extension == ".txt",
            "pdf" => extension == ".pdf",
            "jsonl" => extension == ".jsonl" && !IsBenchmarkFile(name),
            "pubmed-xml" => extension == ".xml" && !NgcSummary().IsMatch(bare),
            _ => Detect(path, out _) == format,
        };
    }

    private static bool IsDatasetFolder(string folder) =>
        Directory.Exists(folder) && Directory.EnumerateFiles(folder).Any(f =>
        {
            var n = Path.GetFileName(f).ToLowerInvariant();
            var bare = n.EndsWith(".gz", StringComparison.Ordinal) ? n[..^3] : n;
            return DatasetFiles.Any(d => d.FileName == bare) || IsBenchmarkFile(n);
        });

    // Questions and judgments of a benchmark: "dev.jsonl", "questions.dev.jsonl", "questions_test.jsonl", "dev_medquad_qrels.tsv".
    private static bool IsBenchmarkFile(string name) =>
        name.Contains("qrels", StringComparison.Ordinal) || BenchmarkFile().IsMatch(name);

    private static bool IsReadme(string bare) => Path.GetFileNameWithoutExtension(bare) is "readme" || bare == "readme";

    [GeneratedRegex(@"^(?:(?:[a-z0-9]+[._-])?(?:dev|test|train)|questions(?:[._-][a-z0-9]+)?)\.jsonl(?:\.gz)?$")]
    private static partial Regex BenchmarkFile();

    [GeneratedRegex(@"^ngc-\d+\.xml$")]
    private static partial Regex NgcSummary();
}
