using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Evidentia.Core.Documents;
using Evidentia.Core.Questions;

namespace Evidentia.Core.Answers;

/// <summary>
/// The extractive composer: every sentence of an answer is a span of a stored document, cited with its
/// exact offsets. It picks the best-scored sentences (the audience changes which sources are preferred,
/// never the threshold), states near-identical ones once citing every source, writes the bottom line from
/// the strongest evidence among the best sentences, places the rest in the sections of the question type's
/// plan, shows where sources disagree, and numbers references in order of first use. It abstains when the
/// best evidence is below <see cref="ComposerOptions.MinRelevance"/> or when the bottom line would have to
/// state both sides of a disagreement.
/// </summary>
public sealed partial class AnswerComposer(ComposerOptions options) : IAnswerComposer
{
    /// <summary>The message an emergency gets before anything else. It is guidance to act, not a clinical claim.</summary>
    public const string UrgentCareMessage =
        "This may be an emergency. Call your local emergency number (such as 911, 112 or 999) or go to the nearest emergency department now. Do not wait for an online answer.";

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "of", "in", "on", "and", "or", "to", "with", "for", "by", "is", "are", "was", "were", "be", "been",
        "that", "this", "it", "as", "at", "from", "not", "no", "did", "does", "do", "may", "can", "which", "these", "those",
    };

    /// <summary>The most plain-language definitions a patient's answer shows.</summary>
    public const int MaxDefinitions = 3;

    /// <inheritdoc />
    public Task<Answer> ComposeAsync(AnswerRequest request, IReadOnlyList<ScoredPassage> candidates, IReadOnlyList<Definition> definitions, CancellationToken cancellationToken) =>
        Task.FromResult(Compose(request, candidates, definitions));

    /// <summary>The settings in force.</summary>
    public ComposerOptions Options => options;

    /// <summary>Composes the answer from candidate sentences.</summary>
    /// <param name="definitions">For patients: definitions, from indexed sources, of terms that the chosen sentences may use.</param>
    public Answer Compose(AnswerRequest request, IReadOnlyList<ScoredPassage> candidates, IReadOnlyList<Definition>? definitions = null)
    {
        var answer = ComposeEvidence(request, candidates, definitions ?? []);
        return request.Analysis.IsEmergency
            ? answer with { Outcome = AnswerOutcome.Emergency, Reason = $"{UrgentCareMessage} (The question describes {request.Analysis.EmergencyReason}.)" }
            : answer;
    }

    private Answer ComposeEvidence(AnswerRequest request, IReadOnlyList<ScoredPassage> candidates, IReadOnlyList<Definition> definitions)
    {
        var plan = SectionPlans.For(request.Analysis.Type);
        var defines = request.Analysis is { Type: QuestionType.Definition, Focus: { } focus } ? Definition.Defines(focus) : null;
        var lists = request.Analysis.Type is QuestionType.Symptoms or QuestionType.Cause or QuestionType.Treatment;
        var usable = candidates
            .Where(c => CanQuote(c, request.Audience))
            .Select(c => c with { Score = c.Score + Preference(c.Document, request.Audience) + TypeMatch(c, plan, defines, lists) })
            .OrderByDescending(c => c.Score)
            .ToList();
        var shell = Shell(request);
        if (usable.Count == 0)
        {
            return shell with { Outcome = AnswerOutcome.InsufficientEvidence, Reason = "Nothing found: no indexed source matches the question." };
        }

        var best = usable.Max(c => c.Relevance);
        var minRelevance = request.MinRelevance ?? options.MinRelevance;
        shell = shell with { Relevance = Math.Round(best, 4) };
        if (best < minRelevance)
        {
            return shell with
            {
                Outcome = AnswerOutcome.InsufficientEvidence,
                Reason = $"Below threshold: the closest evidence covers {best:P0} of the question (at least {minRelevance:P0} is required).",
            };
        }

        var groups = Select(usable, minRelevance);
        // A drug question asks one thing of the drug (its side effects, interactions …), a dose question its dose: sentences
        // that name the drug but say none of it ("There is no evidence of antitumor effect of metformin." for its side effects,
        // "… to be taken over seven to 10 days." for its dose) do not answer it, nor does a sentence on how a condition is
        // diagnosed answer what its outlook is (Held). A drug question is held to what it names: "Which genomes contain
        // operons?" is no drug question.
        var held = Held(request, plan);
        if (held.Count > 0
            && !groups.Any(g => held.Any(r => r.Statement?.IsMatch(g.Text) == true) || (Place(g, plan) is var p && p < plan.Count && held.Contains(plan[p]))))
        {
            return shell with
            {
                Outcome = AnswerOutcome.InsufficientEvidence,
                Reason = $"Nothing found: the closest sources name what was asked about but do not state its {string.Join(" or ", held.Select(r => r.Heading.ToLowerInvariant()))}.",
            };
        }

        // A treatment question that asks for one line of treatment ("What is the first-line treatment for …?") is not
        // led by what its plan files under another line (bariatric surgery for type 2 diabetes's first line).
        var askedLines = request.Analysis.Type == QuestionType.Treatment ? Asked(request, plan) : [];
        var otherLines = askedLines.Count > 0 ? plan.Where(r => r.Heading != SectionPlans.PitfallsHeading && !askedLines.Contains(r)).ToList() : [];
        var bottom = BottomLine(groups, request.Audience, defines, request.Analysis.Type is QuestionType.Diagnosis or QuestionType.Prognosis or QuestionType.Treatment ? plan[0].Statement : null,
            g => Place(g, plan) is var place && place < plan.Count && otherLines.Contains(plan[place]));
        // Evidence that only says what a study set out to do or how it did it, or how a guideline qualifies its
        // recommendations, does not answer: it is left out rather than quoted alone.
        if (bottom.Count > 0 && bottom.All(NotAFinding))
        {
            return shell with
            {
                Outcome = AnswerOutcome.InsufficientEvidence,
                Reason = "Nothing found: the closest evidence states a study's aim or methods, or qualifies a recommendation, but no finding or recommendation.",
            };
        }

        var disagreements = Disagreements(groups);
        if (bottom.Count == 2 && disagreements.Any(d => d.Contains(bottom[0]) && d.Contains(bottom[1])))
        {
            return shell with
            {
                Outcome = AnswerOutcome.InsufficientEvidence,
                Reason = "Sources conflict: the strongest sources disagree on the main point; read them side by side.",
            };
        }

        var disagreeing = disagreements.SelectMany(d => d).Distinct().ToList();
        // Both sides of a disagreement are shown together, in their own section.
        var rest = groups.Except(bottom).Except(disagreeing).ToList();
        var sections = new List<(string Heading, List<Group> Items)>();
        foreach (var rule in SectionPlans.For(request.Analysis.Type))
        {
            sections.Add((rule.Heading, []));
        }

        sections.Add((SectionPlans.OtherHeading, []));
        var typed = !ReferenceEquals(plan, SectionPlans.For(QuestionType.Other));
        // A question held to one thing of a drug is answered by the sections that say such things, not by other evidence.
        var drugHeld = held.Count > 0 && request.Analysis.Type is QuestionType.DrugInformation or QuestionType.Dose;
        foreach (var group in rest)
        {
            var place = Place(group, plan);
            if (!typed || place < plan.Count || (!drugHeld && sections[place].Items.Count < options.MaxOtherEvidence))
            {
                sections[place].Items.Add(group);
            }
        }

        if (request.Analysis.Type == QuestionType.Treatment)
        {
            // What sources call first-line comes before the other options.
            var first = sections.FindIndex(s => s.Heading == SectionPlans.FirstLineHeading);
            if (first > 0)
            {
                var firstLine = sections[first];
                sections.RemoveAt(first);
                sections.Insert(0, firstLine);
            }

            var steps = sections.Take(3).SelectMany(s => s.Items).Concat(bottom).Where(g => StepCue().IsMatch(g.Text)).Distinct().ToList();
            if (steps.Count >= 2)
            {
                sections.Add((SectionPlans.AlgorithmHeading, steps.OrderBy(g => Array.FindIndex([.. sections], s => s.Items.Contains(g)) is var i and >= 0 ? i : -1).ToList()));
            }
        }

        if (disagreeing.Count > 0)
        {
            sections.Add((SectionPlans.DisagreementHeading, disagreeing));
        }

        var book = new ReferenceBook();
        var bottomItems = bottom.Select(g => book.Item(g.Shown, g.Members)).ToList();
        var answerSections = sections
            .Where(s => s.Items.Count > 0)
            .Select(s => new AnswerSection(s.Heading, s.Items.Select(g => book.Item(g.Shown, g.Members)).ToList()))
            .ToList();
        if (request.Audience == Audience.Patient)
        {
            // Only terms the answer uses, each defined by a source the answer does not already quote.
            var shown = string.Join(' ', groups.Select(g => g.Text));
            var explained = definitions
                .Where(d => shown.Contains(d.Term, StringComparison.OrdinalIgnoreCase) && !book.Cites(d.Passage.Document.Key)
                    // A definition may run as long as a clinician's sentence.
                    && CanQuote(d.Passage, Audience.Physician))
                .DistinctBy(d => d.Passage.Document.Key)
                .Take(MaxDefinitions)
                .Select(d => book.Item(Text.ShortLists.Inline(d.Passage.Text), [d.Passage]))
                .ToList();
            if (explained.Count > 0)
            {
                answerSections.Add(new AnswerSection(SectionPlans.DefinitionsHeading, explained));
            }
        }

        return shell with { Outcome = AnswerOutcome.Answered, BottomLine = bottomItems, Sections = answerSections, References = book.References };
    }

    /// <summary>
    /// What is added to a sentence's retrieval score to order the evidence: stronger evidence, then the audience's
    /// sources (patient information for patients; guidelines, reviews, trials and papers for clinicians), then
    /// newer sources lead when the rest is close. Only the order changes: the threshold and the candidates are the
    /// same for every audience.
    /// </summary>
    public static double Preference(Document document, Audience audience)
    {
        var strength = document.EvidenceLevel switch
        {
            EvidenceLevel.Guideline => 0.04,
            EvidenceLevel.SystematicReview => 0.03,
            EvidenceLevel.RandomizedTrial => 0.02,
            EvidenceLevel.ObservationalStudy or EvidenceLevel.Review => 0.01,
            _ => 0,
        };
        var patientSource = document.EvidenceLevel == EvidenceLevel.PatientInformation;
        var audienceBonus = audience == Audience.Patient ? (patientSource ? 0.06 : 0) : (patientSource ? 0 : 0.03);
        var recency = document.Year is { } year ? Math.Clamp((year - 2000) / 25.0, 0, 1) * 0.02 : 0;
        return strength + audienceBonus + recency;
    }

    // Sentences that answer the kind of question asked lead: their source heading is the plan's first
    // section's (a "How might X be treated?" section for a treatment question), or they say what it asks. A sentence
    // that says what the asked term is, where a source says it (at its start), leads a definition question further: a
    // page on a narrower condition has an overview heading too ("What is familial prostate cancer?" for "What is
    // prostate cancer?").
    private static double TypeMatch(ScoredPassage candidate, IReadOnlyList<SectionRule> plan, Regex? defines, bool lists)
    {
        var heading = candidate.Document.Sections[candidate.Passage.Section].Heading;
        var definition = defines is not null && Definition.Says(defines, candidate) ? 0.05 : 0;
        // What the symptoms, causes or treatments are, named ("… include fatigue, …", "such as …"), says more than that
        // they vary or develop quickly.
        var names = lists && Names().IsMatch(candidate.Text) ? 0.03 : 0;
        if (heading.Length > 0 && plan[0].SourceHeading?.IsMatch(heading) == true)
        {
            return 0.08 + definition + names;
        }

        return Math.Max(plan.Any(r => r.Statement?.IsMatch(candidate.Text) == true) ? 0.03 : 0, definition) + names;
    }

    private static Answer Shell(AnswerRequest request) => new()
    {
        // A follow-up ("and in children?") is identified by what it asked in its thread, not by its few words.
        Id = request.AnswerId ?? AnswerId(request.EffectiveQuestion ?? request.Question, request.Audience),
        QuestionId = request.QuestionId,
        ConversationId = request.ConversationId,
        Outcome = AnswerOutcome.InsufficientEvidence,
        Question = request.Question,
        SearchedAs = request.EffectiveQuestion is { } searched && searched != request.Question ? searched : null,
        Audience = request.Audience,
        QuestionType = request.Analysis.Type.ToString(),
        Focus = request.Analysis.Focus,
    };

    // Equivalent sentences form a group: the best is shown, all are cited.
    private List<Group> Select(List<ScoredPassage> usable, double minRelevance)
    {
        var groups = new List<Group>();
        var perDocument = new Dictionary<DocumentKey, int>();
        foreach (var candidate in usable)
        {
            if (candidate.Relevance < minRelevance)
            {
                continue;
            }

            var words = Words(candidate.Text);
            // Sentences that differ by a negation say opposite things, however many words they share.
            var negated = Negation().IsMatch(candidate.Text);
            var same = groups.FirstOrDefault(g => (Jaccard(g.Words, words) >= options.DuplicateOverlap || HasEveryWord(words, of: g.Words)) && Negation().IsMatch(g.Text) == negated);
            if (same is not null)
            {
                // Cited for the shown sentence only where it says the same: not "High blood cholesterol is treated with
                // lifestyle changes and medicines." for "High blood pressure is treated with …", nor "five" for "four".
                // Otherwise it is left out: shown, it would repeat the point.
                if (Restates(same.Words, words) && same.Members.All(m => m.Document.Key != candidate.Document.Key))
                {
                    same.Members.Add(candidate);
                }

                continue;
            }

            // Nothing that a chosen sentence already says in full: shown again it repeats, cited for it it would be cited
            // for the rest of that sentence too.
            if (groups.Any(g => HasEveryWord(g.Words, of: words) && Negation().IsMatch(g.Text) == negated))
            {
                continue;
            }

            var count = perDocument.GetValueOrDefault(candidate.Document.Key);
            if (groups.Count >= options.MaxSentences || count >= options.MaxSentencesPerDocument)
            {
                continue;
            }

            perDocument[candidate.Document.Key] = count + 1;
            groups.Add(new Group([candidate]) { Words = words });
        }

        return groups;
    }

    // A sentence with this many measured values reports a study's measurements, which the sections show; a bottom line
    // states what they come to ("Among statin users, diabetes cases had … (up-regulated 15%, Q-value=0.0584) …" did
    // not answer "Do statins cause diabetes?").
    private const int MeasuredValues = 2;

    // Among the best sentences a guideline, a systematic review or a trial leads by its level (patient information
    // first for patients); then, for a definition question, a sentence that says what the asked term is (Definition.Says:
    // "Atrial fibrillation (AF) is the most common type of arrhythmia.", not a surgical study's "Atrial fibrillation, which
    // occurs in 12% of all major foregut surgeries, …"); for a diagnosis, outlook or treatment question, a patient page's
    // sentence that states what its plan's first section holds (`asked`: "Doctors use brain scans and other tests to
    // diagnose epilepsy.", not "Once epilepsy is diagnosed, it is important to begin treatment …"; "Sleep apnea is treated
    // with lifestyle changes, …", not "The goals of treating sleep apnea are to: …"; research sentences match these
    // patterns in passing too often: "A phase III study failed for … in first-line treating …"); the rest by score: a
    // paper of no known design is one study, often of a narrower population, not stronger evidence than the sentence
    // that answers best. A study's aim (what it set out to do),
    // its methods (how it did it: an abstract's "Methods" or "Setting" part), its measurements (MeasuredValues),
    // a source's title (what it is about), a procedure an appropriateness table rates below "usually appropriate", the
    // first item of a list (what the line before it introduces), a sentence
    // that opens by pointing back to one before it ("It is most commonly used to treat …") and one about what the question
    // did not ask (`elsewhere`) are not findings: they lead only when no finding is as good.
    // A study's aim, or a sentence every copy of which stands under a part that says what a study did or qualifies a
    // guideline's recommendations (NotFindings).
    private static bool NotAFinding(Group group) =>
        Aim().IsMatch(group.Text) || group.Members.All(m => NotFindings().IsMatch(m.Document.Sections[m.Passage.Section].Heading));

    private List<Group> BottomLine(List<Group> groups, Audience audience, Regex? defines, Regex? asked, Func<Group, bool> elsewhere)
    {
        var cut = groups[0].Score * options.BottomLineScoreShare;
        var best = groups.Where(g => g.Score >= cut).ToList();
        var findings = best.Where(g => !elsewhere(g) && !NotAFinding(g) && !Anaphor().IsMatch(g.Text) && Measured().Count(g.Text) < MeasuredValues
            && RecommendationGrades.Appropriate(g.Members[0].Document, g.Text) != false
            && !g.Members.All(m => IsTitle(m) || OpensList(m))).ToList();
        return (findings.Count > 0 ? findings : best)
            .OrderBy(g => g.Members.Min(m => audience == Audience.Patient && m.Document.EvidenceLevel == EvidenceLevel.PatientInformation ? -1 : m.Document.EvidenceLevel <= EvidenceLevel.RandomizedTrial ? (int)m.Document.EvidenceLevel : int.MaxValue))
            .ThenByDescending(g => defines is not null && g.Members.Any(m => Definition.Says(defines, m)))
            .ThenByDescending(g => asked is not null && g.Members.Any(m => m.Document.EvidenceLevel == EvidenceLevel.PatientInformation) && asked.IsMatch(g.Text))
            .ThenByDescending(g => g.Score)
            .Take(options.BottomLineSentences)
            .ToList();
    }

    // What an answer must state to answer the question at all: the sections of a drug question's plan that it asks about
    // ("side effects" → Side effects), a dose question's usual dose, and the outlook or prevention that a question asks for
    // ("What is the outlook for cystic fibrosis?" is not answered by how it is diagnosed); a yes-or-no question on a finding
    // ("Is co-loss of BRCA2-RB1 associated with better prognosis …?") is answered by the finding, in whatever words.
    private static List<SectionRule> Held(AnswerRequest request, IReadOnlyList<SectionRule> plan) => request.Analysis.Type switch
    {
        QuestionType.DrugInformation => Asked(request, plan),
        QuestionType.Dose => [plan[0]],
        QuestionType.Prognosis or QuestionType.Prevention when !QuestionAnalyzer.IsYesNo(request.Question) => Asked(request, plan),
        _ => [],
    };

    private static List<SectionRule> Asked(AnswerRequest request, IReadOnlyList<SectionRule> plan) =>
        plan.Where(r => r.Heading != SectionPlans.PitfallsHeading && r.Statement?.IsMatch(request.Question) == true).ToList();

    // Pairs from different documents on the same point where one denies what the other affirms.
    private List<Group[]> Disagreements(List<Group> groups)
    {
        var pairs = new List<Group[]>();
        for (var i = 0; i < groups.Count; i++)
        {
            for (var j = i + 1; j < groups.Count; j++)
            {
                var (a, b) = (groups[i], groups[j]);
                if (Negation().IsMatch(a.Text) != Negation().IsMatch(b.Text)
                    && !Concession().IsMatch(a.Text) && !Concession().IsMatch(b.Text)
                    && a.Members.All(m => b.Members.All(n => n.Document.Key != m.Document.Key))
                    && Jaccard(Content(a.Words), Content(b.Words)) >= options.DisagreementOverlap)
                {
                    pairs.Add([a, b]);
                }
            }
        }

        return pairs;
    }

    // What a sentence says decides among the specific sections (second-line, surgery, pitfalls…); the heading it
    // had in its source decides next; the first, general section takes what is left that fits it.
    private static int Place(Group group, IReadOnlyList<SectionRule> plan)
    {
        // A sentence that says several such things is about the one it names first ("Treatment for X depends on the
        // severity of symptoms" is about treatment).
        var (said, at) = (-1, int.MaxValue);
        for (var i = 1; i < plan.Count; i++)
        {
            if (plan[i].Statement?.Match(group.Text) is { Success: true } match && match.Index < at)
            {
                (said, at) = (i, match.Index);
            }
        }

        if (said > 0)
        {
            return said;
        }

        var lead = group.Members[0];
        var heading = lead.Document.Sections[lead.Passage.Section].Heading;
        for (var i = 0; i < plan.Count; i++)
        {
            if (heading.Length > 0 && plan[i].SourceHeading?.IsMatch(heading) == true)
            {
                return i;
            }
        }

        return plan[0].Statement?.IsMatch(group.Text) == true ? 0 : plan.Count;
    }

    /// <summary>
    /// Whether a candidate may be quoted to <paramref name="audience"/> at all: a citable source, and a whole
    /// statement (not a fragment, label, pointer or question; for patients, not over-long).
    /// </summary>
    public bool CanQuote(ScoredPassage candidate, Audience audience) =>
        candidate.Document.Citable && IsStatement(candidate.Text, audience == Audience.Patient ? options.MaxPatientSentenceLength : options.MaxSentenceLength);

    // Excerpts of papers (BioASQ's snippets: a fifth of them) stop mid-sentence, even mid-word ("… is a safe and
    // well-tolera"): a paper's text is prose, so its section's last sentence without closing punctuation was cut
    // there. A title, a list, or patient information's lines need none.
    private static bool EndsCut(ScoredPassage candidate)
    {
        var document = candidate.Document;
        var section = candidate.Passage.Section;
        return document.EvidenceLevel != EvidenceLevel.PatientInformation && !IsTitle(candidate) && !Text.ShortLists.IsList(candidate.Text)
            && candidate.Passage.Span.End == document.Sections[section].Span.End
            && candidate.Text[^1] is not ('.' or '!' or '?' or ')' or '"' or ']' or '”' or '’' or '\'' or ';' or ':');
    }

    // The first item of a list of sentences, on the line after the one that introduces it ("… involves:" then "Working
    // with your doctor to treat …"): it says what it says only with that line.
    private static bool OpensList(ScoredPassage candidate)
    {
        var (passages, text) = (candidate.Document.Passages, candidate.Document.Text);
        for (var i = 1; i < passages.Count; i++)
        {
            if (passages[i] == candidate.Passage)
            {
                var previous = passages[i - 1].Span;
                return text[previous.End - 1] == ':' && text.AsSpan(previous.End, candidate.Passage.Span.Start - previous.End).Contains('\n');
            }
        }

        return false;
    }

    private static bool IsTitle(ScoredPassage candidate) =>
        candidate.Document.Sections[candidate.Passage.Section].Heading == DocumentSection.TitleHeading;

    private bool IsStatement(string sentence, int maxLength)
    {
        if (sentence.Length < options.MinSentenceLength || sentence.Length > maxLength || sentence.EndsWith('?') || sentence.EndsWith(':') || Pointer().IsMatch(sentence))
        {
            return false;
        }

        var tokens = sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // A sentence whose first word is all small letters was cut at its start (excerpts such as BioASQ's
        // snippets begin mid-sentence, even mid-word: "n addition, …"); "mRNA" and "p53" start sentences whole.
        if (tokens.Length == 0 || (tokens[0].TakeWhile(char.IsLetterOrDigit).ToArray() is { Length: > 0 } first && first.All(c => c is >= 'a' and <= 'z')))
        {
            return false;
        }

        var words = tokens.Length;
        // A line without closing punctuation is a label, a link title or a list fragment unless it is long; one that
        // stops at a word that needs more ("… are those with") introduces a list that follows, and one of a name and a
        // title ("National Institute of …: Deep Brain Stimulation for …") is a link however long; a list run into one
        // line ("… may include: Neonatal respiratory distress Frequent …") is not.
        return words >= options.MinWords
            && (sentence[^1] is '.' or '!' or ')' or '"' or ']' or '”'
                || (words >= 12 && !LeadIn().IsMatch(tokens[^1]) && !IsLink(sentence)));
    }

    private static bool IsLink(string line)
    {
        var colon = line.IndexOf(": ", StringComparison.Ordinal);
        return colon > 0 && !line.Contains('\n') && !LeadIn().IsMatch(line[..colon].Split(' ')[^1]);
    }

    /// <summary>A stable id for a question and audience: the same question gets the same id.</summary>
    public static string AnswerId(string question, Audience audience)
    {
        var normalized = Text.WhitespaceNormalizer.CollapseAll(question).ToLowerInvariant() + "|" + audience;
        return "a-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)))[..12];
    }

    private static HashSet<string> Words(string text) => Text.WordTokens.Of(text).ToHashSet(StringComparer.Ordinal);

    private static HashSet<string> Content(HashSet<string> words) => words.Where(w => !StopWords.Contains(w)).ToHashSet(StringComparer.Ordinal);

    // Whether two sentences that share most words say the same thing: words were added to one of them ("also",
    // "usually", a clause), or only small words differ ("may" and "might", "doesn't" and "does not", a plural), but no
    // content word of one stands where another content word or number stands in the other.
    private static bool Restates(HashSet<string> a, HashSet<string> b)
    {
        static HashSet<string> Own(HashSet<string> words, HashSet<string> other) =>
            words.Where(w => !StopWords.Contains(w) && (w.Length >= 4 || w.Any(char.IsDigit)) && !other.Contains(w) && !other.Contains(Singular(w)) && !other.Contains(w + "s"))
                .ToHashSet(StringComparer.Ordinal);
        return Own(a, b).Count == 0 || Own(b, a).Count == 0;
    }

    private static string Singular(string word) => word.EndsWith("ies", StringComparison.Ordinal) ? word[..^3] + "y" : word.TrimEnd('s');

    // Whether a sentence has every word of another (of at least 10 words), as a page that runs a list and the
    // sentence after it into one line has every word of the list.
    private static bool HasEveryWord(HashSet<string> sentence, HashSet<string> of) =>
        of.Count >= 10 && of.IsSubsetOf(sentence);

    private static double Jaccard(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        var inter = a.Count(b.Contains);
        return (double)inter / (a.Count + b.Count - inter);
    }

    [GeneratedRegex(@"^(with|without|of|for|to|in|on|at|by|from|and|or|the|a|an|as|such|include|includes|including|are|is|be|than|like)$", RegexOptions.IgnoreCase)]
    private static partial Regex LeadIn();

    [GeneratedRegex(@"\b(include|includes|including|such as)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Names();

    [GeneratedRegex(@"\b(no significant|not significantly|not associated|no evidence|not effective|no difference|failed to|no benefit|did not improve|does not improve|no effect|not superior|not reduce)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Negation();

    // A sentence that already weighs both sides ("…, but …") is not one side of a disagreement.
    [GeneratedRegex(@"\b(but|however|although|whereas)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Concession();

    // Pointers to elsewhere ("more information is on the X Web site", "You can read about … from MedlinePlus", "Learn
    // more about …"), announcements of a list that follows ("Here are the types of medicines used to treat …", "The
    // Human Phenotype Ontology provides the following list of signs and symptoms for …") and other names ("Also
    // known as aspirin primary prevention.") carry no clinical statement, nor do captions of media the answer cannot show
    // ("The animation below shows atrial fibrillation.") or a guideline summary's pointers to its other fields ("… are
    // provided at the end of the "Major Recommendations" field."), to other guidance ("For guidance on …, see …") and its
    // editors' notes ("Note from the National Guideline Clearinghouse (NGC): …"), which are not the guideline's words.
    [GeneratedRegex(@"\b(web ?site|web ?page|click|www\.|https?://|visit (the|our)|contact (the|your local)|listed below|the following (list|table)|more (detailed )?information (about|on|is (available|provided))|for more (information|details)|to learn more|you can (also )?(learn|read) (more )?about|can be (found|viewed|read)|resources section|(animation|video|image|figure|picture|illustration|diagram)s? (below|above)|watch the (animation|video))\b|\bthe ""[^""]+"" field\b|^(here (are|is)|(learn|read) more|also (known as|called)|note from (the )?(national guideline clearinghouse|ngc)|for (further )?(guidance|information|recommendations) on [^.]*, see)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Pointer();

    // What a study set out to do, not what it found: "To evaluate the effects of …", "To critically assess …", "This study
    // assessed …".
    [GeneratedRegex(@"^(to (\w+ly )?(evaluate|assess|determine|investigate|examine|compare|describe|explore|identify|characteri[sz]e|review|summari[sz]e|validate|estimate|analy[sz]e|quantify|elucidate|clarify|establish|study)\b|(this|the present|the current|our) (study|trial|review|analysis|paper|article|work) (aims?|aimed|was designed|sought|assessed|evaluated|investigated|examined|compared|describes|reviews|summari[sz]es|explores)\b|(we|the authors) (aimed|sought|set out)\b|the (aim|purpose|objective|goal)s? of (this|the present|the current|our) )", RegexOptions.IgnoreCase)]
    private static partial Regex Aim();

    // A study's measured values: "p < 0.05", "Q-value=0.0584", "95% CI", "OR 1.4", "= 12", "±".
    [GeneratedRegex(@"\b[pPqQ](-value)?\s*[=<>≤]|\b(CI|OR|HR|RR|SD|SEM|IQR|AUC)\b|=\s*-?\d|±")]
    private static partial Regex Measured();

    // A sentence that opens with what the one before it named ("It", "They", "These cases", "He or she"), not with its
    // subject; a study's own results ("These findings suggest …") are its subject.
    [GeneratedRegex(@"^(it|its|they|their|he|she|this|these|those|such)\b(?!\s+(findings?|results?|data|observations?|evidence|studies|study|trials?|analys[ie]s|reviews?)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex Anaphor();

    // The parts of an abstract that say what a study did, not what it found (PubMed's labels), and the fields of a
    // guideline summary that qualify or weigh its recommendations rather than make them (NgcReader.CitedFields).
    [GeneratedRegex(@"^((materials? and |patients and |subjects and )?methods?( and materials)?|(study )?design|setting|participants|patients|subjects|interventions?|(main )?outcome measures|measurements)$|^(qualifying statements|potential benefits|potential harms|clinical algorithm\(s\))(:.*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex NotFindings();

    // Reference marks a source puts in its text: " [1]", " [12, 13]", " [4-6]", after a sentence, inside it, or at the
    // start of the next one when a space came before them ("… cancer. [2] [3] An additional …").
    [GeneratedRegex(@"(\s*" + Text.SentenceSplitter.CitationMark + ")+")]
    private static partial Regex SourceMarks();

    // A step of an order of treatments, as a source states it: a line of treatment, what to do when one fails, a numbered
    // step. Not any sentence with "then" or "before" in it ("Subjects were interviewed before…").
    [GeneratedRegex(@"\b((first|second|third)[- ]line(?! (imaging|investigation|test|evaluation|diagnos))|initial (treatment|therapy)|if [^.;]* (fails|does not work|do not work|not respond\w*)|step \d|stepwise|step-up)\b", RegexOptions.IgnoreCase)]
    private static partial Regex StepCue();

    // Sentences stating the same thing, shown once with every source cited.
    private sealed class Group(List<ScoredPassage> members)
    {
        public List<ScoredPassage> Members { get; } = members;

        public HashSet<string> Words { get; init; } = [];

        public string Text => Members[0].Text;

        /// <summary>
        /// The text as the answer shows it: without the source's own reference marks ("… as well. [1]"), which would
        /// read as the answer's, a short list on one line, and ending in "…" where the source cuts it off. The
        /// quote keeps the source's text as it is.
        /// </summary>
        public string Shown => Core.Text.ShortLists.Inline(SourceMarks().Replace(Text, "").TrimStart()) + (EndsCut(Members[0]) ? " …" : "");

        public double Score => Members[0].Score;
    }
}
