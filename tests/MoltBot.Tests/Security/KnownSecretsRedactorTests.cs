using MoltBot.Security.Redaction;

namespace MoltBot.Tests.Security;

public sealed class KnownSecretsRedactorTests
{
    [Fact]
    public void Masks_every_occurrence_longest_first_and_ignores_short_values()
    {
        var redactor = new KnownSecretsRedactor(["sk-or-abcdef", "sk-or-abcdef-longer", "abc"]);

        var text = redactor.Redact("key sk-or-abcdef-longer and sk-or-abcdef, abc stays");

        Assert.Equal("key [REDACTED] and [REDACTED], abc stays", text);
    }

    [Fact]
    public void Add_keeps_old_values_masked_after_a_rotation()
    {
        var redactor = new KnownSecretsRedactor(["old-secret-1"]);
        redactor.Add("new-secret-2");

        Assert.Equal("[REDACTED] [REDACTED]", redactor.Redact("old-secret-1 new-secret-2"));
    }
}
