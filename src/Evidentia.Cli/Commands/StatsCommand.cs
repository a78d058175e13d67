using System.CommandLine;
using Evidentia.Cli.Rendering;
using Spectre.Console;

namespace Evidentia.Cli.Commands;

/// <summary><c>evidentia stats</c></summary>
public static class StatsCommand
{
    public static Command Create()
    {
        var command = new Command("stats", "Show what the data folder holds, per collection.");
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            await using var workspace = await GlobalOptions.OpenAsync(result, cancellationToken, beside: true);
            var table = new Table().Border(TableBorder.Rounded).AddColumns("Collection", "Documents", "Question-only", "Passages");
            foreach (var s in await workspace.Store.GetStatsAsync(cancellationToken))
            {
                table.AddRow(Markup.Escape(s.Collection), $"{s.Documents:N0}", $"{s.QuestionOnly:N0}", $"{s.Passages:N0}");
            }

            Consoles.Out.Write(table);
            var last = await workspace.Store.GetLastSequenceAsync(cancellationToken);
            Consoles.Out.MarkupLineInterpolated($"Store sequence {last:N0}; index at {workspace.Index.CommittedSequence:N0}{(last == workspace.Index.CommittedSequence ? "" : " (run 'evidentia index')")}. Data folder: {workspace.Folder.Path}");
            var (encoded, total) = workspace.Searcher.DenseCoverage();
            Consoles.Out.MarkupLineInterpolated(
                $"Sentence vectors ({workspace.Dense.Model}): {encoded:N0} of {total:N0} citable documents{(encoded == total && total > 0 ? "; search is by meaning and by words" : "; search is by words alone until they are all built (run 'evidentia index')")}.");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
