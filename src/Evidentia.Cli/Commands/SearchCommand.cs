using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Evidentia.Cli.Rendering;
using Evidentia.Core.Answers;
using Evidentia.Search.Evaluation;
using Evidentia.Search.Retrieval;
using Spectre.Console;

namespace Evidentia.Cli.Commands;

/// <summary>
/// <c>evidentia search "QUERY" [--collection NAME] [--top K] [--json]</c> and the TREC batch mode
/// <c>evidentia search --queries FILE.jsonl --run OUT.trec</c>.
/// </summary>
public static class SearchCommand
{
    public static Command Create()
    {
        var query = new Argument<string?>("query") { Description = "What to search for.", Arity = ArgumentArity.ZeroOrOne };
        var collection = new Option<string?>("--collection") { Description = "Only documents of this collection.", HelpName = "NAME" };
        var top = new Option<int?>("--top") { Description = "How many documents (default 10; 100 in batch mode).", HelpName = "K" };
        var json = new Option<bool>("--json") { Description = "Print the hits as JSON." };
        var queries = new Option<string?>("--queries") { Description = "Batch mode: JSON Lines of {\"id\", \"text\"}.", HelpName = "FILE.jsonl" };
        var run = new Option<string?>("--run") { Description = "Batch mode: the TREC run to write (qid Q0 docid rank score tag).", HelpName = "OUT.trec" };
        var tag = new Option<string>("--tag") { Description = "The run tag of a TREC run.", DefaultValueFactory = _ => "evidentia" };
        var command = new Command("search", "Find documents: BM25 over all their text with weighted matches in title and question, reranked by the learned reranker.")
        {
            query, collection, top, json, queries, run, tag,
        };
        command.Validators.Add(r =>
        {
            var hasQuery = r.GetValue(query) is not null;
            var hasBatch = r.GetValue(queries) is not null;
            if (hasQuery == hasBatch)
            {
                r.AddError("Give either a QUERY or --queries FILE.jsonl (with --run OUT.trec).");
            }
            else if (hasBatch != (r.GetValue(run) is not null))
            {
                r.AddError("--queries and --run go together.");
            }

            if (r.GetValue(top) is <= 0 or > 10000)
            {
                r.AddError("--top must be between 1 and 10000.");
            }
        });
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            await using var workspace = await WorkspaceLoader.OpenReadyAsync(result, cancellationToken);
            var filter = result.GetValue(collection);
            if (result.GetValue(queries) is { } queriesPath)
            {
                return WriteRun(workspace.Searcher, queriesPath, result.GetValue(run)!, result.GetValue(top) ?? 100, filter, result.GetValue(tag)!);
            }

            var text = result.GetValue(query)!;
            if (QuestionRules.Validate(text) is { } error)
            {
                throw new ArgumentException(error);
            }

            var hits = workspace.Searcher.Search(text, result.GetValue(top) ?? 10, filter);
            if (result.GetValue(json))
            {
                Consoles.Out.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(
                    hits.Select((h, i) => new { rank = i + 1, id = h.Key.Id, collection = h.Key.Collection, title = h.Title, score = h.Score }),
                    AnswerJson.Options));
                return ExitCodes.Ok;
            }

            var table = new Table().Border(TableBorder.Rounded).AddColumns("#", "Score", "Document", "Title");
            foreach (var (hit, i) in hits.Select((h, i) => (h, i)))
            {
                table.AddRow($"{i + 1}", hit.Score.ToString("F2", CultureInfo.InvariantCulture), Markup.Escape(hit.Key.ToString()), Markup.Escape(hit.Title));
            }

            Consoles.Out.Write(table);
            if (hits.Count == 0)
            {
                Consoles.Out.MarkupLine("[yellow]No documents match.[/]");
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    private static int WriteRun(DocumentSearcher searcher, string queriesPath, string runPath, int top, string? collection, string tag)
    {
        var entries = QuestionFile.Read(queriesPath, out var problems);
        using var output = new StreamWriter(runPath);
        foreach (var entry in entries)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var rank = 0;
            // The same id can exist in two collections (a PMID in PubMedQA and BioASQ): a TREC run lists it once.
            foreach (var hit in searcher.Search(entry.Text, top * 2, collection))
            {
                if (rank < top && seen.Add(hit.Key.Id))
                {
                    rank++;
                    output.WriteLine(TrecMetrics.RunLine(entry.Id, hit.Key.Id, rank, hit.Score, tag));
                }
            }
        }

        Consoles.Error.MarkupLineInterpolated($"Wrote a run of {entries.Count:N0} queries to [bold]{runPath}[/].");
        return problems == 0 ? ExitCodes.Ok : ExitCodes.CompletedWithProblems;
    }
}
