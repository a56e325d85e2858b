using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MoltBot.Hosting;

/// <summary>
/// What registrations use to construct MoltBot's services themselves (<c>sp =&gt; new X(sp.Get&lt;A&gt;(), …)</c>)
/// instead of registering a type. On Native AOT dependency injection activates a type by reflection: it looks up the
/// constructors, resolves and checks every parameter's type and attributes, then invokes the constructor: about half
/// of DI's share of the start-up samples (19%) went to the ~70 MoltBot services and loggers built while starting. A
/// factory is a plain constructor call, and the compiler checks its arguments (docs/performance.md has the numbers).
/// </summary>
internal static class ServiceConstruction
{
    public static T Get<T>(this IServiceProvider services) where T : notnull => services.GetRequiredService<T>();

    /// <summary>Every registered <typeparamref name="T"/>, in registration order.</summary>
    public static IEnumerable<T> All<T>(this IServiceProvider services) => services.GetServices<T>();

    /// <summary>The logger dependency injection would give for <c>ILogger&lt;T&gt;</c> (a <see cref="Logger{T}"/> over the
    /// logger factory), without it closing the open generic at run time.</summary>
    public static ILogger<T> Logger<T>(this IServiceProvider services) => services.GetRequiredService<ILoggerFactory>().CreateLogger<T>();
}
