using System.Diagnostics;
using Evidentia.Core;
using Evidentia.Core.Documents;
using Evidentia.Ingestion.Readers;

namespace Evidentia.Ingestion;

/// <summary>
/// Reads files with the right reader and writes each file's documents to the store in one transaction:
/// a file is written whole or not at all (bad lines of line-based formats are reported and left out).
/// </summary>
public sealed class Ingestor(IDocumentStore store)
{
    private static readonly IReadOnlyDictionary<string, IDocumentReader> Readers = new IDocumentReader[]
    {
        new MedQuadReader(), new PubMedQaReader(), new BioAsqReader(), new MediqaReader(), new NgcReader(), new PubMedXmlReader(),
        new MarkdownReader(), new HtmlReader(), new PlainTextReader(), new PdfReader(), new JsonLinesReader(),
    }.ToDictionary(r => r.Format);

    /// <summary>
    /// Ingests files and folders (read recursively). <paramref name="format"/> null or "auto" detects the
    /// format per file; <paramref name="collection"/> null uses each reader's default collection.
    /// </summary>
    /// <exception cref="FileNotFoundException">A path does not exist (checked before anything is read).</exception>
    /// <exception cref="ArgumentException">The format is unknown.</exception>
    public async Task<IngestReport> IngestAsync(
        IReadOnlyList<string> paths, string? format, string? collection, IProgress<IngestProgress>? progress, CancellationToken cancellationToken)
    {
        format = string.IsNullOrWhiteSpace(format) ? "auto" : format.Trim().ToLowerInvariant();
        if (!FormatDetector.Formats.Contains(format))
        {
            throw new ArgumentException($"Unknown format \"{format}\". Formats: {string.Join(", ", FormatDetector.Formats)}.", nameof(format));
        }

        foreach (var path in paths)
        {
            if (!File.Exists(path) && !Directory.Exists(path))
            {
                throw new FileNotFoundException($"No such file or folder: {path}", path);
            }
        }

        var report = new IngestReport();
        var clock = Stopwatch.StartNew();
        var plan = Plan(paths, format, report);
        var ids = await LocalIdsAsync(plan, collection, report, cancellationToken);
        var total = plan.Sum(p => new FileInfo(p.Path).Length);
        long done = 0;
        var documents = 0;
        foreach (var (path, fileFormat) in plan)
        {
            var reader = Readers[fileFormat];
            var fileStart = done;
            var file = new SourceFile(path, fileFormat, collection ?? reader.DefaultCollection)
            {
                Id = ids.GetValueOrDefault(path),
                BytesRead = new SynchronousProgress<long>(n =>
                {
                    done += n;
                    progress?.Report(new IngestProgress(Path.GetFileName(path), done, total, documents));
                }),
            };
            var problemsBefore = report.ProblemCount;
            List<Document> read;
            try
            {
                read = Deduplicate(reader.Read(file, report, cancellationToken), report, path);
            }
            catch (InvalidSourceException e)
            {
                report.Problem(path, e.Line, e.Message);
                report.Skip("file skipped: unreadable");
                continue;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Any other failure of a reader is a problem of its file too: reported, nothing of it written, the rest read.
                report.Problem(path, null, e is IOException ? e.Message : $"could not be read: {e.Message}");
                report.Skip("file skipped: unreadable");
                continue;
            }
            finally
            {
                done = fileStart + new FileInfo(path).Length;
            }

            if (file.InvalidBytes > 0)
            {
                report.Problem(path, null, $"{file.InvalidBytes:N0} byte sequence(s) are not UTF-8 and were read as U+FFFD (\uFFFD)");
            }

            // A file read whole without problems is the whole truth about its documents: what it no longer has is
            // removed. A file with a skipped record only adds and replaces, so the skipped record's earlier version stays.
            var written = report.ProblemCount == problemsBefore
                ? await store.ReplaceSourceAsync(path, read, cancellationToken)
                : await store.UpsertAsync(read, cancellationToken);
            documents += read.Count;
            report.FileDone(read, written);
            progress?.Report(new IngestProgress(Path.GetFileName(path), done, total, documents));
        }

        report.Elapsed = clock.Elapsed;
        return report;
    }

    private static List<(string Path, string Format)> Plan(IReadOnlyList<string> paths, string format, IngestReport report)
    {
        var plan = new List<(string, string)>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                var reason = "";
                var fileFormat = format == "auto" ? FormatDetector.Detect(path, out reason) : format;
                if (fileFormat is null && reason.Length > 0)
                {
                    report.Skip($"file skipped: {reason}");
                }

                if (fileFormat is not null)
                {
                    plan.Add((Path.GetFullPath(path), fileFormat));
                }

                continue;
            }

            foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                if (format != "auto")
                {
                    if (FormatDetector.Matches(file, format))
                    {
                        plan.Add((Path.GetFullPath(file), format));
                    }

                    continue;
                }

                if (FormatDetector.Detect(file, out var reason) is { } detected)
                {
                    plan.Add((Path.GetFullPath(file), detected));
                }
                else if (reason.Length > 0)
                {
                    report.Skip($"file skipped: {reason}");
                }
            }
        }

        return plan.Distinct().ToList();
    }

    // A local file's document is named by its file name ("Guide.md" -> "guide") unless that name is another file's too:
    // another in this run ("a/guide.md" beside "b/Guide.md", "x.md" beside "x.txt") or one already stored from another
    // path. Then each such file is named by its path below the folder the colliding files share ("a-guide-md"), and an
    // id that still collides is reported; the file keeps its name's id.
    private async Task<Dictionary<string, string>> LocalIdsAsync(
        List<(string Path, string Format)> plan, string? collection, IngestReport report, CancellationToken cancellationToken)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var local = plan.Where(p => LocalDocument.Formats.Contains(p.Format))
            .Select(p => (p.Path, Key: new DocumentKey(collection ?? Readers[p.Format].DefaultCollection, LocalDocument.LocalId(Path.GetFileName(p.Path)))))
            .ToList();
        var stored = (await store.GetAsync(local.Select(l => l.Key).Distinct().ToList(), cancellationToken)).ToDictionary(d => d.Key);
        foreach (var group in local.GroupBy(l => l.Key))
        {
            var others = stored.TryGetValue(group.Key, out var existing) && existing.Origin is { } origin && group.All(g => g.Path != origin) ? [origin] : Array.Empty<string>();
            if (group.Count() == 1 && others.Length == 0)
            {
                continue;
            }

            var root = CommonFolder([.. group.Select(g => g.Path), .. others]);
            foreach (var (path, key) in group)
            {
                var id = LocalDocument.PathId(path, root);
                if (local.Any(l => l.Key.Id == id && l.Key.Collection == key.Collection) || ids.ContainsValue(id))
                {
                    report.Problem(path, null, $"id \"{key.Id}\" is another file's too, and so is \"{id}\": kept \"{key.Id}\"");
                    continue;
                }

                ids[path] = id;
            }
        }

        return ids;
    }

    private static string CommonFolder(IReadOnlyList<string> paths)
    {
        var folder = Path.GetDirectoryName(paths[0])!;
        while (Path.GetDirectoryName(folder) is { } parent
            && !paths.All(p => p.StartsWith(Path.TrimEndingDirectorySeparator(folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
        {
            folder = parent;
        }

        return folder;
    }

    // One id twice in one file: the later record wins, and the earlier one is reported.
    private static List<Document> Deduplicate(IEnumerable<Document> documents, IngestReport report, string path)
    {
        var byKey = new Dictionary<DocumentKey, int>();
        var list = new List<Document>();
        foreach (var document in documents)
        {
            if (byKey.TryGetValue(document.Key, out var index))
            {
                report.Problem(path, null, $"duplicate id \"{document.Id}\" ({document.Origin}): the later record replaces the earlier one");
                list[index] = document;
                continue;
            }

            byKey[document.Key] = list.Count;
            list.Add(document);
        }

        return list;
    }
}
