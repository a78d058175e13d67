using System.CommandLine;
using System.Text.Json;
using Evidentia.Cli.Rendering;
using Evidentia.Ingestion;

namespace Evidentia.Cli.Commands;

/// <summary><c>evidentia ingest PATH... [--format F] [--collection NAME]</c></summary>
public static class IngestCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("path")
        {
            Description = "Files or folders (read recursively) to ingest.",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<string>("--format")
        {
            Description = "The format of the files; 'auto' chooses by file name and extension.",
            DefaultValueFactory = _ => "auto",
        };
        format.AcceptOnlyFromAmong([.. FormatDetector.Formats]);
        var collection = new Option<string?>("--collection")
        {
            Description = "The collection the documents go to (default: the format's own, e.g. medquad, pubmed, local).",
            HelpName = "NAME",
        };
        var json = new Option<bool>("--json") { Description = "Print the summary as JSON." };
        var command = new Command("ingest", "Read documents into the store and bring the index up to date. Re-ingesting an unchanged file changes nothing.")
        {
            paths, format, collection, json,
        };
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            await using var workspace = await GlobalOptions.OpenAsync(result, cancellationToken);
            var report = await ProgressBars.RunAsync(ctx => new Ingestor(workspace.Store).IngestAsync(
                result.GetValue(paths)!, result.GetValue(format), result.GetValue(collection), ProgressBars.Ingest(ctx), cancellationToken));
            await WorkspaceLoader.SyncAsync(workspace, rebuild: false, cancellationToken);
            if (result.GetValue(json))
            {
                Consoles.Out.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(new
                {
                    files = report.FilesRead,
                    documents = report.DocumentsRead,
                    questionOnly = report.QuestionOnly,
                    passages = report.Passages,
                    added = report.Written.Added,
                    replaced = report.Written.Replaced,
                    unchanged = report.Written.Unchanged,
                    removed = report.Written.Removed,
                    skipped = report.Skipped,
                    problems = report.Problems.Select(p => new { file = p.File, line = p.Line, message = p.Message }),
                    seconds = Math.Round(report.Elapsed.TotalSeconds, 2),
                }));
                IngestSummary.WriteProblems(report);
            }
            else
            {
                IngestSummary.Write(Consoles.Out, report, workspace.Folder);
            }

            return report.ProblemCount == 0 ? ExitCodes.Ok : ExitCodes.CompletedWithProblems;
        }));
        return command;
    }
}
