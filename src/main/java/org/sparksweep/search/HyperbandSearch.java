package org.sparksweep.search;

/** {@code hyperband}: asynchronous Hyperband, successive-halving brackets started at each rung, see {@link SuccessiveHalving}. */
public final class HyperbandSearch extends SuccessiveHalvingSearch {
    public HyperbandSearch() {
        super(true);
    }

    @Override
    public String name() {
        return "hyperband";
    }
}
