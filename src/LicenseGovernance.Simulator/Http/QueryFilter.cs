using LicenseGovernance.Simulator.Model;
using LicenseGovernance.Simulator.OData;

namespace LicenseGovernance.Simulator.Http
{
    /// <summary>The one place that calls the OData $filter engine, translating its errors into Graph errors.</summary>
    internal sealed class QueryFilter
    {
        private readonly ODataFilter _filter;

        private QueryFilter(ODataFilter filter)
        {
            _filter = filter;
        }

        public bool ReferencesSignInActivity => _filter.ReferencesSignInActivity;

        public static QueryFilter? Parse(string? filter, FilterEntity entity, bool advancedQuery)
        {
            if (string.IsNullOrWhiteSpace(filter))
            {
                return null;
            }

            try
            {
                return new QueryFilter(ODataFilter.Parse(filter!, entity, advancedQuery));
            }
            catch (ODataQueryException e)
            {
                throw new GraphServiceError(e.Status, e.Code, e.Message);
            }
        }

        public bool Matches(IFilterable target)
        {
            try
            {
                return _filter.Matches(target);
            }
            catch (ODataQueryException e)
            {
                throw new GraphServiceError(e.Status, e.Code, e.Message);
            }
        }
    }
}
