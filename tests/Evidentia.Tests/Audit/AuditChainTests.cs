using Evidentia.Core.Audit;

namespace Evidentia.Tests.Audit;

public class AuditChainTests
{
    private static IReadOnlyList<AuditEntry> Trail(int count)
    {
        var entries = new List<AuditEntry>();
        var previous = AuditChain.Genesis;
        for (var seq = 1; seq <= count; seq++)
        {
            var utc = new DateTimeOffset(2026, 11, 24, 12, 0, seq, TimeSpan.Zero);
            var hash = AuditChain.Hash(seq, utc, "alice", "Approve", $"article a-{seq}", "{}", previous);
            entries.Add(new AuditEntry(seq, utc, "alice", "Approve", $"article a-{seq}", "{}", previous, hash));
            previous = hash;
        }

        return entries;
    }

    [Fact]
    public void Should_Find_No_Problem_In_An_Intact_Trail() => Assert.Empty(AuditChain.Verify(Trail(5)));

    [Fact]
    public void Should_Find_A_Changed_Entry()
    {
        var trail = Trail(5).ToList();
        trail[2] = trail[2] with { Actor = "mallory" };

        Assert.Equal(["entry 3 was changed (its hash does not match its content)"], AuditChain.Verify(trail));
    }

    [Fact]
    public void Should_Find_A_Removed_Entry()
    {
        var trail = Trail(5).ToList();
        trail.RemoveAt(3);

        var problems = AuditChain.Verify(trail);

        Assert.Contains("entries 4–4 are missing (removed)", problems);
        Assert.Contains("entry 5 does not link to the entry before it", problems);
    }

    [Fact]
    public void Should_Find_A_Removed_Last_Entry_Rewritten_With_A_New_Hash()
    {
        // Rewriting an entry and its hash still breaks the link of the next one.
        var trail = Trail(3).ToList();
        var e = trail[1] with { Details = "{\"forged\":true}" };
        trail[1] = e with { Hash = AuditChain.Hash(e.Sequence, e.Utc, e.Actor, e.Action, e.Subject, e.Details, e.PreviousHash) };

        Assert.Equal(["entry 3 does not link to the entry before it"], AuditChain.Verify(trail));
    }
}
