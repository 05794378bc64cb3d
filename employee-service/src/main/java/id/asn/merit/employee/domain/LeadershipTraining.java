package id.asn.merit.employee.domain;

/** Pelatihan kepemimpinan: pengawas (PKP), administrator (PKA), nasional tingkat II and I (PKN). */
public enum LeadershipTraining {
    PKP, PKA, PKN_II, PKN_I
}
