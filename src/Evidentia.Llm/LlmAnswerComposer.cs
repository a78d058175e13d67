using System.Globalization;
using System.Text;
using System.Text.Json;
using Evidentia.Core.Answers;
using Microsoft.Extensions.AI;

namespace Evidentia.Llm;

/// <summary>
/// Composes with a language model, then verifies: the model sees only the best evidence passages, numbered,
/// and must cite them; every generated sentence that cites nothing valid, or that its cited passages do not
/// support (<see cref="ClaimVerifier"/>), is dropped, counted and reported. Each kept sentence carries the
/// exact quotes of the passages it cites. Where the extractive composer would abstain, the model is not asked;
/// where the model fails, the extractive answer is returned with a note.
/// </summary>
public sealed class LlmAnswerComposer(IChatClient chat, AnswerComposer extractive, LlmOptions options) : IAnswerComposer
{
    private static readonly string Template = LoadPrompt();

    /// <inheritdoc />
    public async Task<Answer> ComposeAsync(
        AnswerRequest request, IReadOnlyList<ScoredPassage> candidates, IReadOnlyList<Definition> definitions, CancellationToken cancellationToken)
    {
        var baseline = extractive.Compose(request, candidates, definitions);
        if (baseline.Outcome is not (AnswerOutcome.Answered or AnswerOutcome.Emergency) || baseline.References.Count == 0)
        {
            return baseline;
        }

        var evidence = candidates
            .Where(c => extractive.CanQuote(c, request.Audience) && c.Relevance >= (request.MinRelevance ?? extractive.Options.MinRelevance))
            .OrderByDescending(c => c.Score + AnswerComposer.Preference(c.Document, request.Audience))
            .DistinctBy(c => c.Text)
            .Take(options.EvidencePassages)
            .ToList();
        string reply;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(options.TimeoutSeconds));
            var response = await chat.GetResponseAsync(Prompt(request, evidence), new ChatOptions { Temperature = 0 }, timeout.Token);
            reply = response.Text;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.ClientModel.ClientResultException && !cancellationToken.IsCancellationRequested)
        {
            return baseline with { Verification = new ClaimVerification(0, 0, 0, 0) { Note = $"The model could not be reached ({e.GetType().Name}); the extractive answer is shown." } };
        }

        Draft? draft;
        try
        {
            draft = JsonSerializer.Deserialize<Draft>(StripFences(reply), new JsonSerializerOptions(JsonSerializerDefaults.Web));
        }
        catch (JsonException)
        {
            draft = null;
        }

        if (draft is null)
        {
            return baseline with { Verification = new ClaimVerification(0, 0, 0, 0) { Note = "The model's reply was not the JSON asked for; the extractive answer is shown." } };
        }

        var book = new ReferenceBook();
        var dropped = new List<string>();
        int generated = 0, uncited = 0, unsupported = 0;
        List<AnswerItem> Verify(IEnumerable<DraftItem>? items)
        {
            var kept = new List<AnswerItem>();
            foreach (var item in items ?? [])
            {
                if (string.IsNullOrWhiteSpace(item.Text))
                {
                    continue;
                }

                generated++;
                var cited = (item.Citations ?? []).Where(n => n >= 1 && n <= evidence.Count).Distinct().Select(n => evidence[n - 1]).ToList();
                if (cited.Count == 0)
                {
                    uncited++;
                    dropped.Add("uncited: " + item.Text);
                }
                else if (!ClaimVerifier.Supports(item.Text, cited.Select(c => c.Text)))
                {
                    unsupported++;
                    dropped.Add("unsupported: " + item.Text);
                }
                else
                {
                    kept.Add(book.Item(item.Text.Trim(), cited));
                }
            }

            return kept;
        }

        var bottomLine = Verify(draft.BottomLine);
        var sections = (draft.Sections ?? [])
            .Select(s => new AnswerSection(string.IsNullOrWhiteSpace(s.Heading) ? SectionPlans.OtherHeading : s.Heading.Trim(), Verify(s.Items)))
            .Where(s => s.Items.Count > 0)
            .ToList();
        var verification = new ClaimVerification(generated, generated - uncited - unsupported, uncited, unsupported) { Dropped = dropped };
        if (bottomLine.Count == 0 && sections.Count == 0)
        {
            return baseline with
            {
                Outcome = baseline.Outcome == AnswerOutcome.Emergency ? AnswerOutcome.Emergency : AnswerOutcome.InsufficientEvidence,
                Reason = baseline.Outcome == AnswerOutcome.Emergency ? baseline.Reason : "The model's claims were not supported by the indexed evidence.",
                BottomLine = [],
                Sections = [],
                References = [],
                Composer = "llm",
                Verification = verification,
            };
        }

        if (bottomLine.Count == 0)
        {
            bottomLine = [.. sections[0].Items.Take(1)];
            sections[0] = sections[0] with { Items = [.. sections[0].Items.Skip(1)] };
            sections.RemoveAll(s => s.Items.Count == 0);
        }

        return baseline with { BottomLine = bottomLine, Sections = sections, References = book.References, Composer = "llm", Verification = verification };
    }

    private static string Prompt(AnswerRequest request, IReadOnlyList<ScoredPassage> evidence)
    {
        var numbered = new StringBuilder();
        for (var i = 0; i < evidence.Count; i++)
        {
            var e = evidence[i];
            numbered.AppendLine(CultureInfo.InvariantCulture, $"[{i + 1}] ({e.Document.EvidenceLevel}, {e.Document.Source ?? e.Document.Collection}, {e.Document.Year?.ToString(CultureInfo.InvariantCulture) ?? "n.d."}) {e.Text}");
        }

        return Template
            .Replace("{{question}}", request.EffectiveQuestion ?? request.Question, StringComparison.Ordinal)
            .Replace("{{evidence}}", numbered.ToString(), StringComparison.Ordinal)
            .Replace("{{sections}}", string.Join(", ", SectionPlans.For(request.Analysis.Type).Select(s => s.Heading)), StringComparison.Ordinal)
            .Replace("{{audience_note}}", request.Audience == Audience.Patient ? ", for a patient or caregiver" : ", for a clinician", StringComparison.Ordinal);
    }

    private static string StripFences(string reply)
    {
        var text = reply.Trim();
        if (text.StartsWith("```", StringComparison.Ordinal))
        {
            text = text[(text.IndexOf('\n', StringComparison.Ordinal) + 1)..];
            text = text[..Math.Max(0, text.LastIndexOf("```", StringComparison.Ordinal))];
        }

        return text;
    }

    private static string LoadPrompt()
    {
        using var stream = typeof(LlmAnswerComposer).Assembly.GetManifestResourceStream("Evidentia.Llm.Prompts.compose.md")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private sealed record Draft(List<DraftItem>? BottomLine, List<DraftSection>? Sections);

    private sealed record DraftSection(string? Heading, List<DraftItem>? Items);

    private sealed record DraftItem(string? Text, List<int>? Citations);
}
