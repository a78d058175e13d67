using System.Text.RegularExpressions;

namespace Evidentia.Core.Questions;

/// <summary>
/// Rule-based question analysis: cue phrases for the question type, the words left once question and
/// type words are removed for the focus, and red-flag patterns for emergencies. Red flags count only when
/// the question describes a person now ("I", "my husband", "right now"), not when it asks about a topic
/// ("What are the warning signs of a stroke?").
/// </summary>
public static partial class QuestionAnalyzer
{
    private static readonly Regex YesNo = Cue(@"^\s*(is|are|does|do|can|could|should|will|would|has|have)\b");

    // Order matters: the first type whose cue matches wins.
    private static readonly (QuestionType Type, Regex Cue)[] TypeCues =
    [
        (QuestionType.Dose, Cue(@"\b(dose|doses|dosage|dosing|how much|how many (mg|milligrams|tablets|pills)|mg/kg|maximum daily)\b")),
        (QuestionType.Comparison, Cue(@"\b(versus|vs\.?|compared (to|with)|better than|worse than|difference between|or)\b.*\b(better|safer|more effective|prefer|instead)\b|\b(better|safer|more effective) than\b|\bdifference between\b")),
        (QuestionType.Treatment, Cue(@"\b(treat|treats|treated|treating|treatment|treatments|therapy|therapies|cure|cures|manage|management|managed|medication for|medicine for|drugs? for|remed(y|ies)|relieve|get rid of|first[- ]line|second[- ]line)\b")),
        (QuestionType.Diagnosis, Cue(@"\b(diagnos\w*|test|tests|testing|exams?|screened|work-?up|detect\w*|confirm\w*|imaging|biopsy|differential)\b")),
        (QuestionType.Prevention, Cue(@"\b(prevent\w*|avoid getting|reduce (the )?risk|vaccin\w*|screening|protect against)\b")),
        (QuestionType.Prognosis, Cue(@"\b(prognosis|outlook|life expectancy|survival|survive|outcome|outcomes|recover\w*|how long will|go away|curable|fatal|die from)\b")),
        (QuestionType.Complications, Cue(@"\b(complications?|long-term effects?|lead to|result in)\b")),
        (QuestionType.Genetics, Cue(@"\b(inherit\w*|genetic\w*|genes?|hereditary|runs? in (the )?famil\w*|mutations?|passed down)\b")),
        (QuestionType.Frequency, Cue(@"\b(how common|how many people|prevalence|incidence|frequency)\b")),
        (QuestionType.Symptoms, Cue(@"\b(symptoms?|signs?|feel like|what happens|manifestations?)\b")),
        (QuestionType.Cause, Cue(@"\b(cause|causes|caused|causing|why do|why does|why is|risk factors?|etiology|trigger\w*)\b")),
        (QuestionType.DrugInformation, Cue(@"\b(side effects?|interact\w*|ingredients?|contain|contains|gluten|lactose|allerg\w* to|safe (to take|during|while|with)|pregnan\w* and|breastfeed\w*)\b")),
        (QuestionType.Definition, Cue(@"^\s*(what|who)\s+(is|are)\b|\bwhat does .* mean\b|\bdefin\w*\b|\binformation (about|on)\b|\btell me about\b")),
        (QuestionType.Comparison, YesNo),
    ];

    private static readonly (string Reason, Regex Pattern)[] RedFlags =
    [
        ("chest pain with breathlessness, sweating or spreading pain", Cue(@"\bchest (pain|pressure|tightness)\b.*\b(breath\w*|sweat\w*|arm|jaw|faint\w*|dizz\w*)\b|\b(breath\w*|sweat\w*|arm|jaw)\b.*\bchest (pain|pressure|tightness)\b")),
        ("signs of a stroke", Cue(@"\b(face (is )?(droop\w*|drooping|numb)|droop\w* face|slurr\w* (speech|words)|speech (is )?slurred|can'?t (speak|talk|move (my|his|her) (arm|leg))|sudden (numbness|weakness|confusion|loss of vision)|suddenly (lost|loss of) (vision|sight|balance)|face feels numb|one side of (my|his|her) (body|face))\b")),
        ("thoughts of suicide or self-harm", Cue(@"\b(kill (myself|himself|herself)|end (my|his|her) life|suicidal|want to die|hurt (myself|himself|herself)|took (an )?overdose|overdosed)\b")),
        ("signs of anaphylaxis", Cue(@"\b(throat|tongue|lips?|face) (is |are )?(swelling|swollen|closing)\b.*\b(breath\w*|sting|peanut|allerg\w*|wheez\w*)\b|\b(can'?t|cannot|unable to) breathe\b.*\b(sting|peanut|allerg\w*|swell\w*)\b|\b(sting|peanut|allerg\w*)\b.*\b(can'?t|cannot|unable to) breathe\b")),
        ("not breathing, unresponsive or unconscious", Cue(@"\b(not breathing|stopped breathing|unresponsive|unconscious|won'?t wake up|passed out and)\b")),
        ("severe bleeding", Cue(@"\b(bleeding (heavily|a lot|won'?t stop|that won'?t stop)|won'?t stop bleeding|vomiting blood|coughing up blood|blood in (my|his|her) vomit)\b")),
        ("a seizure that does not stop", Cue(@"\bseizure\w*\b.*\b(won'?t stop|not stopping|more than (5|five) minutes|keeps? (having|seizing))\b")),
        ("severe difficulty breathing", Cue(@"\b(can'?t|cannot|unable to) (breathe|catch (my|his|her) breath)\b|\b(lips|face) (are |is |turning )?blue\b")),
    ];

    // Describes a person now, not a topic.
    private static readonly Regex Personal = Cue(@"\b(i|i'm|im|i've|me|my|we|our|he|she|his|her|him|husband|wife|son|daughter|child|baby|mom|mother|dad|father|friend|patient)\b|\b(right now|now|currently|just|suddenly|started|since (this|last))\b");

    private static readonly Regex Topical = Cue(@"^\s*(what|which) (are|is) (the )?(warning )?(signs|symptoms|causes|treatments?|risk factors)\b|^\s*(how|what) (is|are|do|does)\b.*\b(treated|diagnosed|defined|mean)\b|^\s*what (is|are) (a |an )?\w+( \w+)?\s*\??$");

    /// <summary>
    /// What a question asks the reader to do, not what it is about ("Describe the mechanism of …", "List the genes …"):
    /// neither its focus nor, in the search analyser, a question term that evidence could cover.
    /// </summary>
    public static IReadOnlyList<string> Instructions { get; } = ["describe", "list", "explain", "summarize", "summarise", "define"];

    private static readonly HashSet<string> FocusStopWords = new(
    [
        "what", "whats", "is", "are", "the", "a", "an", "of", "for", "to", "in", "on", "with", "and", "or", "how", "why", "when",
        "which", "who", "does", "do", "did", "can", "could", "should", "would", "will", "i", "me", "my", "you", "your", "it", "its",
        "there", "be", "been", "being", "have", "has", "had", "about", "any", "some", "this", "that", "these", "those", "get",
        "know", "tell", "please", "thanks", "thank", "information", "more", "best", "way", "ways", "people", "person", "someone",
        "from", "by", "at", "as", "if", "than", "then", "into", "used", "use", "using", "need", "want", "like", "also", "much",
        "many", "type", "types", "kind", "kinds", "new", "other", "same", "causes", "cause", "caused", "symptoms", "symptom",
        "signs", "sign", "treatment", "treatments", "treat", "treated", "therapy", "cure", "diagnosis", "diagnosed", "diagnose",
        "test", "tests", "dose", "dosage", "prevent", "prevention", "outlook", "prognosis", "inherited", "genetic", "changes",
        "related", "complications", "risk", "factors", "first-line", "line", "first", "second", "management", "manage", "(are)",
        "mean", "means", "common", "done", "research", "clinical", "trials", "being", "happen", "happens", "work", "works",
        "difference", "differences", "between", "versus", "vs", "effect", "effects", "affect", "affects", "affected", "better",
        "worse", "safer", "safe", "contagious", "cured", "prevented", "drug", "drugs", "medicine", "medicines", "medication",
        "medications", "lower", "reduce", "last", "lasts", "take", "taking", "likely", "chance", "chances",
        "am", "was", "were", "he", "she", "him", "his", "her", "we", "us", "our", "they", "them", "their", "so", "but", "not",
        "very", "really", "just", "still", "now", "usually", "often", "always", "sometimes", "ever",
        .. Instructions,
    ], StringComparer.OrdinalIgnoreCase);

    // Words that name a kind only with what follows them: "type 2 diabetes", "Ehlers-Danlos syndrome type IV", not "types of".
    private static readonly HashSet<string> KindWords = new(StringComparer.OrdinalIgnoreCase) { "type", "types" };

    /// <summary>Analyses a question.</summary>
    public static QuestionAnalysis Analyze(string question)
    {
        var text = question.Trim();
        var type = QuestionType.Other;
        foreach (var (candidate, cue) in TypeCues)
        {
            if (cue.IsMatch(text))
            {
                type = candidate;
                break;
            }
        }

        return new QuestionAnalysis(type, Focus(text), Emergency(text));
    }

    /// <summary>Whether the question asks for a yes or a no ("Is …", "Does …", "Can …").</summary>
    public static bool IsYesNo(string question) => YesNo.IsMatch(question);

    /// <summary>The red flag a question describes happening to someone now, or null.</summary>
    public static string? Emergency(string question)
    {
        if (!Personal.IsMatch(question) || Topical.IsMatch(question))
        {
            return null;
        }

        foreach (var (reason, pattern) in RedFlags)
        {
            if (pattern.IsMatch(question))
            {
                return reason;
            }
        }

        return null;
    }

    /// <summary>
    /// The words of the question that are neither question words nor type words nor words that say what is asked of the
    /// focus ("side effects", "how long … last", a strength in milligrams): "Noonan syndrome", "type 2 diabetes".
    /// </summary>
    public static string? Focus(string question)
    {
        var words = WordPattern().Matches(Asking().Replace(Asked(question), " ")).Select(m => m.Value).ToList();
        var focus = words.Where((w, i) => KindWords.Contains(w) ? i + 1 < words.Count && KindName().IsMatch(words[i + 1]) : !FocusStopWords.Contains(w)).ToList();
        return focus.Count == 0 ? null : string.Join(' ', focus);
    }

    // A message that tells a story around its question ("DVT. Can a birth control called Ocella cause DVT? My daughter
    // experiences …"): its subject is in its opening and in the sentences that ask, not in the story.
    private static string Asked(string question)
    {
        var sentences = SentenceEnd().Split(question.Trim());
        var kept = sentences.Where((s, i) => i == 0 || s.EndsWith('?')).ToList();
        return kept.Count == sentences.Length || !kept.Any(s => s.EndsWith('?')) ? question : string.Join(' ', kept);
    }

    private static Regex Cue(string pattern) => new(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

    [GeneratedRegex(@"(?<=[.?!])\s+")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}'\-]*")]
    private static partial Regex WordPattern();

    // Phrases that ask something of the focus, whose words could name a focus elsewhere ("signs" of a condition, "long QT").
    [GeneratedRegex(@"\b((early|warning) (signs?|symptoms?)|(side|adverse|long[- ]term) effects?|life expectancy|risk factors?|how long|(second|third)[- ]line|more effective|\d+(\.\d+)?\s*(mg|mcg|milligrams?|ml)\b\.?)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Asking();

    // What names a kind after "type": a number ("2", "1A"), a Roman numeral ("IV") or a letter ("A").
    [GeneratedRegex(@"^(\d+[a-z]?|[ivx]+|[a-z])$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex KindName();
}
