using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace PaulMassage.Web.Infrastructure.Data.Encryption;

/// <summary>
/// The model holds the encrypting converters, so each site instance (each key ring) gets a model
/// of its own instead of the first one built in the process.
/// </summary>
public sealed class ProtectorAwareModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime)
    {
        ArgumentNullException.ThrowIfNull(context);
        return (context.GetType(), designTime, context.ColumnProtector());
    }
}
