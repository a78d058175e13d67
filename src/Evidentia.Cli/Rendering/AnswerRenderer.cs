using Evidentia.Core.Answers;
using Evidentia.Core.Documents;
using Spectre.Console;

namespace Evidentia.Cli.Rendering;

/// <summary>An answer as a terminal reader wants it: bold bottom line, cited bullets, references with evidence level.</summary>
public static class AnswerRenderer
{
    public static void Write(IAnsiConsole console, Answer answer)
    {
        console.Write(new Rule($"[bold]{Markup.Escape(answer.Question)}[/]").LeftJustified());
        if (answer.Outcome != AnswerOutcome.Answered)
        {
            console.MarkupLineInterpolated($"[yellow bold]{Label(answer.Outcome)}[/]");
            console.MarkupLineInterpolated($"[yellow]{answer.Reason}[/]");
            return;
        }

        console.MarkupLine("[bold underline]Bottom line[/]");
        console.MarkupLine("[bold]" + string.Join(" ", answer.BottomLine.Select(Sentence)) + "[/]");
        foreach (var section in answer.Sections)
        {
            console.WriteLine();
            console.MarkupLineInterpolated($"[bold underline]{section.Heading}[/]");
            foreach (var item in section.Items)
            {
                console.MarkupLine(" • " + Sentence(item));
            }
        }

        console.WriteLine();
        console.MarkupLine("[bold underline]References[/]");
        foreach (var r in answer.References)
        {
            var year = r.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture);
            // Citation-style sources often carry the year already ("… Geneva: WHO; 2021").
            var meta = string.Join(", ", new[] { r.Source, r.Source?.Contains(year ?? "\0", StringComparison.Ordinal) == true ? null : year }.Where(s => !string.IsNullOrEmpty(s)));
            console.MarkupLine(
                $" [bold]{r.N}.[/] [black on {Colour(r.EvidenceLevel)}] {Markup.Escape(r.EvidenceLevel.Label())} [/] {Markup.Escape(r.Title)}" +
                (meta.Length > 0 ? $" [grey]({Markup.Escape(meta)})[/]" : "") +
                (r.Url is null ? "" : $"\n    [link={Markup.Escape(r.Url)}]{Markup.Escape(r.Url)}[/] [grey]{Markup.Escape(r.Collection)}/{Markup.Escape(r.DocumentId)}[/]"));
        }

        console.WriteLine();
        console.MarkupLine("[grey]Quotes with exact offsets: --json. Educational use; pending human review. It supports, and does not replace, clinical judgement.[/]");
        console.MarkupLineInterpolated($"[grey]retrieve {answer.TimingsMs.GetValueOrDefault("retrieve"):F1} ms · compose {answer.TimingsMs.GetValueOrDefault("compose"):F1} ms[/]");
    }

    private static string Sentence(AnswerItem item) =>
        Markup.Escape(item.Text) + " [blue][[" + string.Join(",", item.Citations) + "]][/]";

    private static string Label(AnswerOutcome outcome) => outcome switch
    {
        AnswerOutcome.InsufficientEvidence => "Not enough evidence",
        AnswerOutcome.OutOfScope => "Out of scope",
        AnswerOutcome.Emergency => "Seek urgent care",
        _ => outcome.ToString(),
    };

    private static string Colour(EvidenceLevel level) => level switch
    {
        EvidenceLevel.Guideline => "green",
        EvidenceLevel.SystematicReview => "aqua",
        EvidenceLevel.RandomizedTrial => "deepskyblue1",
        EvidenceLevel.PatientInformation => "plum2",
        _ => "grey70",
    };
}
