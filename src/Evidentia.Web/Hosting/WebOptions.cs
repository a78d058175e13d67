using System.ComponentModel.DataAnnotations;

namespace Evidentia.Web.Hosting;

/// <summary>Settings of the web product, section <c>Web</c> (environment: <c>EVIDENTIA_Web__AskPermitsPerMinute</c>).</summary>
public sealed class WebOptions
{
    public const string Section = "Web";

    /// <summary>New questions (page or API) one client address may ask per minute; beyond it, HTTP 429.</summary>
    [Range(1, 100_000)]
    public int AskPermitsPerMinute { get; set; } = 60;

    /// <summary>
    /// Encode the sentence vectors this node's index lacks in the background (<see cref="VectorBuilder"/>); off, the node
    /// searches by words alone until <c>evidentia index</c> has built them.
    /// </summary>
    public bool BuildVectors { get; set; } = true;

    /// <summary>How often this node applies the store's change feed to its index replica, in milliseconds.</summary>
    [Range(50, 3_600_000)]
    public int SyncIntervalMs { get; set; } = 2000;

    /// <summary>Failed sign-ins one client address may make in a quarter of an hour before it must wait (<see cref="Accounts.SignInThrottle"/>).</summary>
    [Range(1, 1000)]
    public int SignInFailuresPerAddress { get; set; } = 5;

    /// <summary>
    /// Where the keys that protect sign-in cookies and antiforgery tokens are kept. Nodes behind one load balancer
    /// must share them (a shared folder); unset, each machine keeps its own (ASP.NET Core's default).
    /// </summary>
    public string? KeysFolder { get; set; }

    /// <summary>How many example questions the home page offers (each checked to be answerable by the corpus).</summary>
    [Range(0, 20)]
    public int ExampleQuestions { get; set; } = 6;
}
