package org.sparksweep.search;

/** {@code asha}: asynchronous successive halving, see {@link SuccessiveHalving}. */
public final class AshaSearch extends SuccessiveHalvingSearch {
    public AshaSearch() {
        super(false);
    }

    @Override
    public String name() {
        return "asha";
    }
}
