using Evidentia.Core.Answers;
using Evidentia.Core.Documents;
using Spectre.Console;

namespace Evidentia.Cli.Rendering;

/// <summary>
/// An answer as a terminal reader wants it: the urgent-care message first for an emergency, the bold bottom
/// line, the sections with cited bullets (numbered steps for an algorithm summary), references with evidence
/// level, related questions and follow-ups.
/// </summary>
public static class AnswerRenderer
{
    public static void Write(IAnsiConsole console, Answer answer)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        string Sentence(AnswerItem item) =>
            Markup.Escape(item.Text) + " [blue][[" + string.Join(",", item.Citations) + "]][/]"
            + (GuidelineAttribution.For(item, answer.References) is { } by ? $" [green]({Markup.Escape(by)})[/]" : "");

        console.Write(new Rule($"[bold]{Markup.Escape(answer.Question)}[/]").LeftJustified());
        if (answer.SearchedAs is { } searched)
        {
            console.MarkupLineInterpolated($"[grey]Searched as: {searched}[/]");
        }

        if (answer.Outcome == AnswerOutcome.Emergency)
        {
            console.Write(new Panel(Markup.Escape(answer.Reason ?? AnswerComposer.UrgentCareMessage)).Header("[bold]Seek urgent care[/]").BorderColor(Color.Red));
        }
        else if (answer.Outcome != AnswerOutcome.Answered)
        {
            console.MarkupLineInterpolated($"[yellow bold]{Label(answer.Outcome)}[/]");
            console.MarkupLineInterpolated($"[yellow]{answer.Reason}[/]");
        }

        if (answer.BottomLine.Count > 0)
        {
            console.MarkupLine("[bold underline]Bottom line[/]");
            console.MarkupLine("[bold]" + string.Join(" ", answer.BottomLine.Select(Sentence)) + "[/]");
        }

        foreach (var section in answer.Sections)
        {
            console.WriteLine();
            console.MarkupLineInterpolated($"[bold underline]{section.Heading}[/]");
            var numbered = section.Heading == SectionPlans.AlgorithmHeading;
            foreach (var (item, i) in section.Items.Select((item, i) => (item, i)))
            {
                console.MarkupLine((numbered ? $" {i + 1}. " : " • ") + Sentence(item));
            }
        }

        if (answer.References.Count > 0)
        {
            console.WriteLine();
            console.MarkupLine("[bold underline]References[/]");
        }

        foreach (var reference in answer.ReferencesByNumber)
        {
            var r = reference.First();
            var meta = r.SourceAndYear(", ");
            console.MarkupLine(
                $" [bold]{r.N}.[/] [black on {Colour(r.EvidenceLevel)}] {Markup.Escape(r.EvidenceLevel.Label())} [/] {Markup.Escape(r.Title)}" +
                (meta.Length > 0 ? $" [grey]({Markup.Escape(meta)})[/]" : "") +
                (GuidelineAttribution.AgeNote(r, today) is { } age ? $"\n    [yellow]{Markup.Escape(age)}[/]" : "") +
                (r.Url is null ? "" : $"\n    [link={Markup.Escape(r.Url)}]{Markup.Escape(r.Url)}[/]") +
                $" [grey]{Markup.Escape(string.Join(", ", reference.Select(d => $"{d.Collection}/{d.DocumentId}")))}[/]");
        }

        List("Related questions", answer.RelatedQuestions.Select(q => q.Text));
        List("Follow-up questions", answer.FollowUps);
        console.WriteLine();
        console.MarkupLine("[grey]Quotes with exact offsets: --json. Educational use; pending human review. It supports, and does not replace, clinical judgement.[/]");
        if (answer.ConversationId is { } conversation)
        {
            console.MarkupLineInterpolated($"[grey]Follow up with: evidentia ask \"…\" --conversation {conversation}[/]");
        }

        console.MarkupLineInterpolated($"[grey]retrieve {answer.TimingsMs.GetValueOrDefault("retrieve"):F1} ms · compose {answer.TimingsMs.GetValueOrDefault("compose"):F1} ms · searched {(answer.Retrieval == "hybrid" ? "by meaning and by words" : "by words alone (the sentence vectors are not built: evidentia index)")}[/]");

        void List(string heading, IEnumerable<string> lines)
        {
            var all = lines.ToList();
            if (all.Count == 0)
            {
                return;
            }

            console.WriteLine();
            console.MarkupLineInterpolated($"[bold underline]{heading}[/]");
            foreach (var line in all)
            {
                console.MarkupLineInterpolated($" › {line}");
            }
        }
    }

    private static string Label(AnswerOutcome outcome) => outcome switch
    {
        AnswerOutcome.InsufficientEvidence => "Not enough evidence",
        AnswerOutcome.OutOfScope => "Out of scope",
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
