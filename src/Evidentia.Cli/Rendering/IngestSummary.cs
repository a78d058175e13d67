using Evidentia.Core;
using Evidentia.Ingestion;
using Spectre.Console;

namespace Evidentia.Cli.Rendering;

/// <summary>The summary printed at the end of an ingest: counts, skips with reasons, problems with file and line, time.</summary>
public static class IngestSummary
{
    private const int ProblemsShown = 20;

    public static void Write(IAnsiConsole console, IngestReport report, DataFolder folder)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("[bold]Ingest summary[/]").AddColumn("").AddColumn(new TableColumn("").RightAligned());
        table.ShowHeaders = false;
        table.AddRow("Files read", $"{report.FilesRead:N0}");
        table.AddRow("Documents read", $"{report.DocumentsRead:N0} ({report.QuestionOnly:N0} question-only)");
        table.AddRow("Passages (sentences)", $"{report.Passages:N0}");
        table.AddRow("Added / replaced / unchanged / removed", $"{report.Written.Added:N0} / {report.Written.Replaced:N0} / {report.Written.Unchanged:N0} / {report.Written.Removed:N0}");
        foreach (var (reason, count) in report.Skipped.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            table.AddRow($"[grey]Skipped:[/] {Markup.Escape(reason)}", $"{count:N0}");
        }

        table.AddRow("Problems", report.ProblemCount == 0 ? "[green]none[/]" : $"[red]{report.ProblemCount:N0}[/]");
        table.AddRow("Time", $"{report.Elapsed.TotalSeconds:N1} s");
        table.AddRow("Data folder", Markup.Escape(folder.Path));
        console.Write(table);
        WriteProblems(report);
    }

    /// <summary>The problems, with file and line, on standard error (the first few, then a count).</summary>
    public static void WriteProblems(IngestReport report)
    {
        foreach (var problem in report.Problems.Take(ProblemsShown))
        {
            Consoles.Error.MarkupLineInterpolated($"[red]problem:[/] {problem}");
        }

        if (report.ProblemCount > ProblemsShown)
        {
            Consoles.Error.MarkupLineInterpolated($"[red]… and {report.ProblemCount - ProblemsShown:N0} more problems[/]");
        }
    }
}
