package io.haderos.shipping.adapter.rest;

import static io.haderos.shipping.adapter.rest.InvalidRequestException.at;
import static io.haderos.shipping.adapter.rest.InvalidRequestException.required;

import io.haderos.shipping.domain.model.Address;
import io.haderos.shipping.domain.model.Party;

/** A shipper or consignee: {@code {"name","phone","email","company"?,"address":{…}}}. */
record PartyRequest(String name, String company, String phone, String email, AddressRequest address) {

    Party toDomain(String path) {
        Address place = required(address, path + ".address").toDomain(path + ".address");
        return at(path, () -> new Party(name, company, phone, email, place));
    }
}
