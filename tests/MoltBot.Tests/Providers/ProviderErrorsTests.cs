using MoltBot.Providers;

namespace MoltBot.Tests.Providers;

public sealed class ProviderErrorsTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Theory]
    [InlineData("Retry-After", "12", 12_000)]
    [InlineData("Retry-After", "Fri, 02 Jan 2026 03:04:35 GMT", 30_000)]
    [InlineData("retry-after-ms", "250", 250)]
    public void RetryAfter_HeaderForms_AreParsed(string header, string value, int expectedMs)
    {
        var delay = ProviderErrors.RetryAfter(name => string.Equals(name, header, StringComparison.OrdinalIgnoreCase) ? value : null, Now);

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), delay);
    }

    [Fact]
    public void RetryAfter_Garbage_IsIgnored() =>
        Assert.Null(ProviderErrors.RetryAfter(_ => "soon", Now));
}
