using O2o.Server.Kernel;
using O2o.Server.Modules.Accounts;

namespace O2o.Server.Modules.Engagement;

/// <summary>Copies the profile into the customer's features (the event carries the whole profile, so a late or repeated one is harmless).</summary>
internal sealed class OnCustomerProfileChanged(CustomerFeaturesUpdater features) : IEventHandler<CustomerProfileChanged>
{
    public Task HandleAsync(CustomerProfileChanged changed, CancellationToken ct) =>
        features.UpdateAsync(changed.CustomerId, f => (f.BirthDate, f.Gender, f.City) = (changed.BirthDate, changed.Gender, changed.City), ct);
}
