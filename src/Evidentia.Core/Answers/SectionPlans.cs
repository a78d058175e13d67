using System.Text.RegularExpressions;
using Evidentia.Core.Questions;

namespace Evidentia.Core.Answers;

/// <summary>
/// The sections an answer has for each question type, in order. A sentence goes to the first section
/// whose rule matches its source heading, else the first whose rule matches what it says, else to
/// <see cref="OtherHeading"/>. Sections that no sentence fills are not shown.
/// </summary>
public static class SectionPlans
{
    /// <summary>Where sentences go that no section of the plan claims.</summary>
    public const string OtherHeading = "Other evidence";

    /// <summary>Treatment sentences that no source calls first-line, second-line or a procedure.</summary>
    public const string TreatmentOptionsHeading = "Treatment options";

    /// <summary>What a source calls the first-line (initial, mainstay) treatment.</summary>
    public const string FirstLineHeading = "First-line treatment";

    /// <summary>The numbered steps of a treatment answer whose sources describe an order.</summary>
    public const string AlgorithmHeading = "Algorithm summary";

    /// <summary>What not to do and what to watch for: shown as a warning block.</summary>
    public const string PitfallsHeading = "Critical pitfalls";

    /// <summary>Sentences of sources that say opposite things about the same point.</summary>
    public const string DisagreementHeading = "Where sources disagree";

    /// <summary>Plain-language definitions for patients, taken from indexed sources.</summary>
    public const string DefinitionsHeading = "Terms explained";

    private static readonly SectionRule Pitfalls = new(
        PitfallsHeading,
        R(@"\b(warning|precaution|caution|contraindicat|safety|pitfall)"),
        // Instructions against something, not any sentence with "not" in it.
        R(@"^(do not|don't|never|avoid)\b|\b(should not|shouldn't|must not|should never|not be (used|given|taken|combined)|contraindicated|not recommended|recommends? against|use (with )?caution|avoid\w*)\b"));

    private static readonly Dictionary<QuestionType, SectionRule[]> Plans = new()
    {
        // "First-line" only for what a source calls first-line (or initial, the mainstay, the treatment of choice), in its
        // heading or its words; every other treatment sentence is one of the options.
        [QuestionType.Treatment] =
        [
            new(TreatmentOptionsHeading, R(@"treatment|therap|management|how might .* be treated"), R(@"\b(recommended|treated with|treatment (is|includes|consists)|is the treatment|management (is|includes|focuses))\b")),
            // Not a first-line test ("Use CT for first-line imaging").
            new(FirstLineHeading, R(@"first[- ]line|initial"), R(@"\b(first[- ]line(?! (imaging|investigation|test|evaluation|diagnos))|initial (treatment|therapy|management)|initially (treated|managed)|mainstay|treatment of choice)\b")),
            new("Second-line treatment and escalation", R(@"second[- ]line|refractory|resistant|escalat"), R(@"\b(second[- ]line|refractory|resistant|escalat\w*|(if|when) .* (fails|does not|do not|doesn't) (work|respond|help)|(do|does|did|have|has) not respond(ed)?|not responded|unresponsive|fail(s|ed)? to (respond|control|improve|work|help)|alternative|add(ed|-on)|in combination|when .* not (enough|effective))\b")),
            new("Procedures and surgery", R(@"surg|procedur|operat|transplant|radiation"), R(@"\b(surg\w*|procedures?|operations?|operative|transplant\w*|resection|implant\w*|catheter\w*|ablation|radiation therapy|radiotherapy|stent\w*|bypass)\b")),
            Pitfalls,
        ],
        [QuestionType.Diagnosis] =
        [
            // "Once epilepsy is diagnosed, …" and "those diagnosed with epilepsy" say what follows a diagnosis, not how it is made.
            new("Tests", R(@"diagnos|test|exam|screen"), R(@"\b(tests?|testing|(?<!\b(once|after|newly|recently)\b[^.;]{0,40})diagnos\w*(?!\s+with\b)|biops\w*|imaging|scan|x-ray|mri|ct|ultrasound|blood (test|work)|screen\w*|exam\w*|measur\w*|confirm\w*)\b")),
            new("Clinical features", R(@"symptom|sign|feature|presentation"), R(@"\b(symptoms?|signs?|present(s|ation)?|features?|complain\w*)\b")),
            new("Differential diagnosis", R(@"differential"), R(@"\b(differential|distinguish\w*|mimic\w*|confused with|rule out|other conditions)\b")),
            Pitfalls,
        ],
        [QuestionType.Dose] =
        [
            new("Usual dose", R(@"dos(e|age)|administration"), R(@"\b(\d+(\.\d+)? ?(mg|g|mcg|µg|ml|units?|iu)\b|dos(e|es|age|ing)|once daily|twice daily|times (a|per) day)")),
            new("Adjustments", R(@"renal|hepatic|adjust"), R(@"\b(adjust\w*|renal|kidney|hepatic|liver|elderly|older adults|children|pediatric|paediatric|weight)\b")),
            new("Maximum dose", null, R(@"\b(maximum|max(imum)? daily|not (to )?exceed|up to)\b")),
            new("Monitoring", R(@"monitor"), R(@"\b(monitor\w*|levels?|follow-up|check\w*)\b")),
            Pitfalls,
        ],
        [QuestionType.Cause] =
        [
            new("Causes", R(@"cause|etiolog"), R(@"\b(caus\w*|due to|results? from|triggered|etiolog\w*)\b")),
            new("Genetics and inheritance", R(@"genetic|inherit|gene"), R(@"\b(genes?|genetic|mutations?|inherit\w*|autosomal|x-linked)\b")),
            new("Risk factors", R(@"risk"), R(@"\b(risk|more likely|increase\w*|associated with)\b")),
        ],
        [QuestionType.Symptoms] =
        [
            new("Signs and symptoms", R(@"symptom|sign"), R(@"\b(symptoms?|signs?|features?|may (have|include|experience)|characteri[sz]ed)\b")),
            new("Complications", R(@"complication"), R(@"\b(complications?|lead to|result in|long-term)\b")),
            Pitfalls,
        ],
        [QuestionType.Prognosis] =
        [
            new("Outlook", R(@"outlook|prognos|surviv|outcome"), R(@"\b(outlook|prognosis|survival|surviv\w*|life expectancy|recover\w*|outcomes?|cure\w*)\b")),
            new("What affects the outlook", null, R(@"\b(depends? on|factors?|affect\w*|predict\w*)\b")),
        ],
        [QuestionType.Prevention] =
        [
            new("Prevention", R(@"prevent"), R(@"\b(prevent\w*|reduce\w* (the )?risk|lower\w* (the )?risk|avoid\w*|vaccin\w*|protect\w*)\b")),
            new("Screening", R(@"screen"), R(@"\b(screen\w*|early detection|check-?ups?)\b")),
        ],
        // What a drug does besides its purpose, what it must not meet, what it holds: a sentence that says none of this
        // does not answer the question, whatever drug it names (AnswerComposer declines such an answer).
        [QuestionType.DrugInformation] =
        [
            new("Side effects", R(@"side effect|adverse|reaction"), R(@"\b(side effects?|adverse (effects?|events?|reactions?|drug reactions?)|toxic\w*|undesirable effects?)\b")),
            new("Interactions", R(@"interact"), R(@"\b(interact\w*|taken (together )?with|co-?administ\w*)\b")),
            new("Allergies", R(@"allerg"), R(@"\b(allerg\w*|cross-?reactiv\w*|hypersensitiv\w*)\b")),
            new("Pregnancy and breastfeeding", R(@"pregnan|breast-?feed|lactat"), R(@"\b(pregnan\w*|breast-?feed\w*|lactat\w*|nursing)\b")),
            // What a product is free of; its "active ingredient" is a substance a sentence names without saying so.
            new("Ingredients", R(@"ingredient"), R(@"\b(excipients?|gluten|lactose)\b")),
            Pitfalls,
        ],
        [QuestionType.Genetics] =
        [
            new("Inheritance", R(@"inherit"), R(@"\b(inherit\w*|autosomal|x-linked|passed|parents?|carrier\w*)\b")),
            new("Genes involved", R(@"genetic|gene"), R(@"\b(genes?|mutations?|variants?|chromosom\w*)\b")),
        ],
    };

    // Definitions and other general questions: an overview, then what the sources say by topic.
    private static readonly SectionRule[] General =
    [
        new("Overview", R(@"^what (is|are)|overview|information|summary|^background|key points"), R(@"\b(is a|are a|is an|are an|refers to|is defined|is the most common|is a (rare|common))\b")),
        new("Causes", R(@"cause"), R(@"\b(caus\w*|due to|results? from)\b")),
        new("Signs and symptoms", R(@"symptom|sign"), R(@"\b(symptoms?|signs?)\b")),
        new("Treatment", R(@"treat|therap|management"), R(@"\b(treat\w*|therap\w*|management|managed)\b")),
        Pitfalls,
    ];

    /// <summary>The sections of an answer to a question of <paramref name="type"/>.</summary>
    public static IReadOnlyList<SectionRule> For(QuestionType type) => Plans.TryGetValue(type, out var plan) ? plan : General;

    private static Regex R(string pattern) => new(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
}
