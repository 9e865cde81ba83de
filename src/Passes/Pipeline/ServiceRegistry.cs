namespace Tapline.Passes.Pipeline;

/// <summary>The shared services passes use (the tracepoint catalog, the probe providers), by type.</summary>
public sealed class ServiceRegistry
{
    private readonly Dictionary<Type, object> _services = new();

    public ServiceRegistry Add<T>(T service) where T : class
    {
        _services[typeof(T)] = service;
        return this;
    }

    public T? Find<T>() where T : class => _services.GetValueOrDefault(typeof(T)) as T;

    public T Get<T>() where T : class =>
        _services.TryGetValue(typeof(T), out var service)
            ? (T)service
            : throw new InvalidOperationException($"no {typeof(T).Name} was registered where the pipeline is assembled");
}
